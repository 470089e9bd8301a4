export {
  OPERATIONS,
  readChangeEvents,
  type ChangeEvent,
  type JsonRecord,
  type Operation,
  type ReadChangeEventsOptions,
} from "./change-events";
export { RecordWriter, writeRecords, type WriteRecordsOptions } from "./record-writer";
export { readCounter, type TransactionLimits } from "./write-transaction";
export { onChangesCommitted, signalChangesCommitted } from "./commit-signal";
