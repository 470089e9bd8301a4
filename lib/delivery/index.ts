// The delivery engine's public API: hooks register sources and enqueue
// payloads; workers, routes and the console use the rest.
export { DeliveryEngine, type AttemptReport, type EngineOptions } from "./engine";
export {
  enqueueDelivery,
  enqueueDeliveries,
  type Enqueued,
  type TEnqueue,
  type Tx,
} from "./enqueue";
export { DeliveryError } from "./errors";
export { closeHttpPools } from "./http";
export { closeHttpThread } from "./http-thread";
export { listDeliveryLogs, ZListLogsSchema, type DeliveryLog, type TListLogs } from "./logs";
export { recoverDeliveries, resendDelivery, SAMPLE_PAYLOAD, testFire } from "./manual";
export { deleteExpired } from "./retention";
export { DEFAULT_RETRY_POLICY, ZRetryPolicySchema, type TRetryPolicy } from "./retry";
export { runOneBatch, type BatchResult } from "./run-batch";
export { configureDelivery, deliverySettings, type DeliverySettings } from "./settings";
export { notifyDeliveries, subscribeToDeliveries, type Subscription } from "./signal";
export {
  getDeliverySource,
  getSigningSecret,
  removeDeliverySource,
  rotateSecret,
  upsertDeliverySource,
  type SourceView,
  type TUpsertSource,
} from "./sources";
export { summarizeSources, type SourceSummary } from "./source-summaries";
export { getSourceStatuses } from "./source-status";
export { DELIVERY_STATES, type DeliveryState } from "./state-machine";
export { checkDeliveryTarget } from "./check-target";
export { TargetRefused } from "./target-guard";
export { startTsThread } from "./ts-thread";
export { fillTemplate, forgetVariables, referencedNames } from "./variables";
