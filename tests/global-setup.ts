import { rmSync } from "node:fs";

import pg from "pg";

import { loadConfig } from "@/lib/config";
import { migrate } from "@/lib/db";

import { INTEGRATION_DATABASE_URL } from "./database-url";

/**
 * Starts every integration run on an empty, fully migrated database. The
 * database the tests are given belongs to them: it is wiped.
 */
export default async function setup(): Promise<void> {
  const { database } = loadConfig({ DATABASE_URL: INTEGRATION_DATABASE_URL });

  if (database.kind === "sqlite") {
    const path = database.url.slice("file:".length);
    for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
  } else {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await client.end();
  }
  await migrate(database);
}
