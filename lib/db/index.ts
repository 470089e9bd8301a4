export { createDb, getDb, type Db } from "./client";
export { databaseIsReachable } from "./health";
export { migrate } from "./migrate";
