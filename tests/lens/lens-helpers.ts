import { POST as graphqlRoute } from "@/app/graphql/route";
import { getDb } from "@/lib/db";
import { readChangeEvents, SEED_ACTOR, writeRecords, type ChangeEvent } from "@/lib/lens";

import { call, type CallResult } from "../helpers";

/** Empties the Lens tables, children first, and the counters with them. */
export async function resetLens(): Promise<void> {
  const db = getDb();
  await db.jobAllocation.deleteMany();
  await db.job.deleteMany();
  await db.contact.deleteMany();
  await db.account.deleteMany();
  await db.resource.deleteMany();
  await db.region.deleteMany();
  await db.changeEvent.deleteMany();
  await db.counter.deleteMany();
}

export interface GqlError {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

export interface GqlResult {
  status: number;
  body: CallResult["body"];
  data: unknown;
  errors: GqlError[];
}

/** POSTs one GraphQL request to the /graphql route handler. */
export async function gql(
  auth: { token?: string; headers?: Record<string, string> },
  query: string,
  variables?: Record<string, unknown>,
): Promise<GqlResult> {
  const response = await call(graphqlRoute, {
    path: "/graphql",
    ...auth,
    json: variables ? { query, variables } : { query },
  });
  const errors = Array.isArray(response.body.errors) ? response.body.errors.map(toGqlError) : [];

  return { status: response.status, body: response.body, data: response.body.data, errors };
}

function toGqlError(value: unknown): GqlError {
  if (!isObject(value) || typeof value.message !== "string") throw new Error("not a GraphQL error");

  return {
    message: value.message,
    ...(Array.isArray(value.path) ? { path: value.path.map((part) => String(part)) } : {}),
    ...(Array.isArray(value.locations) ? { locations: value.locations.map(toLocation) } : {}),
    ...(isObject(value.extensions) ? { extensions: value.extensions } : {}),
  };
}

function toLocation(value: unknown): { line: number; column: number } {
  if (isObject(value) && typeof value.line === "number" && typeof value.column === "number") {
    return { line: value.line, column: value.column };
  }
  throw new Error("not a location");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Follows a path into parsed JSON; throws when a step is missing, so tests fail clearly. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const step of path) {
    if (typeof step === "number" && Array.isArray(current)) current = current[step];
    else if (typeof step === "string" && isObject(current)) current = current[step];
    else throw new Error(`no '${String(step)}' in ${JSON.stringify(current)}`);
  }

  return current;
}

export function listAt(value: unknown, ...path: (string | number)[]): unknown[] {
  const list = at(value, ...path);
  if (!Array.isArray(list)) throw new Error(`${path.join(".")} is not a list`);

  return list;
}

export function stringAt(value: unknown, ...path: (string | number)[]): string {
  const text = at(value, ...path);
  if (typeof text !== "string") throw new Error(`${path.join(".")} is not a string`);

  return text;
}

/** Every change event so far, in order. */
export async function allEvents(): Promise<ChangeEvent[]> {
  return readChangeEvents({ after: 0, limit: 1000 });
}

export interface Basics {
  regionId: string;
  otherRegionId: string;
  accountId: string;
  contactId: string;
  resourceIds: string[];
}

/** Two regions, an account, a contact and three resources, written as the seed would. */
export async function makeBasics(): Promise<Basics> {
  return writeRecords(SEED_ACTOR, async (writer) => {
    const region = await writer.insert("Regions", { Name: "North", Timezone: "Europe/London" });
    const other = await writer.insert("Regions", { Name: "South", Timezone: "Australia/Sydney" });
    const account = await writer.insert("Accounts", { Name: "Acme", RegionId: region.UID });
    const contact = await writer.insert("Contacts", {
      FirstName: "Ada",
      LastName: "Lovelace",
      AccountId: account.UID,
      RegionId: region.UID,
    });
    const resourceIds: string[] = [];
    for (const name of ["Ria", "Sam", "Tao"]) {
      const resource = await writer.insert("Resources", {
        Name: name,
        PrimaryRegionId: region.UID,
      });
      resourceIds.push(String(resource.UID));
    }

    return {
      regionId: String(region.UID),
      otherRegionId: String(other.UID),
      accountId: String(account.UID),
      contactId: String(contact.UID),
      resourceIds,
    };
  });
}

/** Inserts jobs directly through the write layer; returns their UIDs in order. */
export async function makeJobs(
  count: number,
  fields: (index: number) => Record<string, unknown>,
): Promise<string[]> {
  return writeRecords(SEED_ACTOR, async (writer) => {
    const uids: string[] = [];
    for (let index = 0; index < count; index++) {
      uids.push(String((await writer.insert("Jobs", { Duration: 60, ...fields(index) })).UID));
    }

    return uids;
  });
}
