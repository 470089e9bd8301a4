export { createDb, getDb, type Db } from "./client";
export { databaseIsReachable } from "./health";
export { migrate } from "./migrate";
export {
  prismaRunner,
  sqlOf,
  TransactionTimeoutError,
  type SqlDatabase,
  type SqlRunner,
  type TransactionLimits,
} from "./sql";
export { freeSqliteLockOf, shareSqliteLock, sqliteLockMemory } from "./thread-lock";
