import { beforeEach, describe, expect, it } from "vitest";

import { POST as graphqlRoute } from "@/app/graphql/route";
import { SEED_ACTOR, writeRecords } from "@/lib/lens";

import { BASE, call, makeToken, makeUser, resetDatabase, sessionCookie } from "../helpers";
import {
  at,
  gql,
  listAt,
  makeBasics,
  makeJobs,
  resetLens,
  stringAt,
  type Basics,
} from "./lens-helpers";

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let token: string;
let basics: Basics;

beforeEach(async () => {
  await resetDatabase();
  await resetLens();
  ({ token } = await makeToken("viewer"));
  basics = await makeBasics();
});

describe("list queries", () => {
  it("answer a Relay-style page with totalCount, cursors and ISO dates with milliseconds", async () => {
    await makeJobs(3, (index) => ({
      RegionId: basics.regionId,
      Start: `2027-01-0${index + 1}T09:00:00Z`,
    }));
    const result = await gql(
      { token },
      `{ jobs(orderBy: "Name") { totalCount pageInfo { hasNextPage endCursor }
           edges { cursor node { UID Name JobStatus Urgency Start CreatedDate Duration } } } }`,
    );

    expect(result.status).toBe(200);
    expect(result.errors).toEqual([]);
    expect(at(result.data, "jobs", "totalCount")).toBe(3);
    expect(at(result.data, "jobs", "pageInfo", "hasNextPage")).toBe(false);
    const edges = listAt(result.data, "jobs", "edges");
    expect(edges.map((edge) => at(edge, "node", "Name"))).toEqual([
      "JOB-0001",
      "JOB-0002",
      "JOB-0003",
    ]);
    expect(at(edges[0], "node")).toMatchObject({
      JobStatus: "Queued",
      Urgency: "Normal",
      Start: "2027-01-01T09:00:00.000Z",
      Duration: 60,
    });
    expect(stringAt(edges[0], "node", "CreatedDate")).toMatch(ISO_MS);
    expect(at(result.data, "jobs", "pageInfo", "endCursor")).toBe(at(edges[2], "cursor"));
  });

  it("every object has a list query", async () => {
    const result = await gql(
      { token },
      `{ regions { totalCount } accounts { totalCount } contacts { totalCount }
         resources { totalCount } jobs { totalCount } jobAllocations { totalCount } }`,
    );

    expect(result.errors).toEqual([]);
    expect(result.data).toEqual({
      regions: { totalCount: 2 },
      accounts: { totalCount: 1 },
      contacts: { totalCount: 1 },
      resources: { totalCount: 3 },
      jobs: { totalCount: 0 },
      jobAllocations: { totalCount: 0 },
    });
  });

  it("filter narrows the page and totalCount alike, through lookups too", async () => {
    await makeJobs(4, (index) => ({
      RegionId: index % 2 ? basics.otherRegionId : basics.regionId,
      JobStatus: index < 2 ? "Queued" : "Dispatched",
    }));
    const result = await gql(
      { token },
      `{ jobs(filter: "JobStatus == 'Queued' AND Region.Name == 'North'") {
           totalCount edges { node { Name } } } }`,
    );

    expect(result.errors).toEqual([]);
    expect(result.data).toEqual({
      jobs: { totalCount: 1, edges: [{ node: { Name: "JOB-0001" } }] },
    });
  });

  it("orderBy sorts on several fields, empty values last going up and first going down", async () => {
    const starts = ["2027-03-01T00:00:00Z", null, "2027-01-01T00:00:00Z", "2027-01-01T00:00:00Z"];
    await makeJobs(4, (index) => ({
      RegionId: basics.regionId,
      Start: starts[index],
      Description: `d${3 - index}`,
    }));
    const names = async (orderBy: string) => {
      const result = await gql(
        { token },
        `{ jobs(orderBy: "${orderBy}") { edges { node { Name } } } }`,
      );
      expect(result.errors).toEqual([]);

      return listAt(result.data, "jobs", "edges").map((edge) => at(edge, "node", "Name"));
    };

    expect(await names("Start, Description")).toEqual([
      "JOB-0004",
      "JOB-0003",
      "JOB-0001",
      "JOB-0002",
    ]);
    expect(await names("Start DESC, Description DESC")).toEqual([
      "JOB-0002",
      "JOB-0001",
      "JOB-0003",
      "JOB-0004",
    ]);
    expect(await names("Name desc")).toEqual(["JOB-0004", "JOB-0003", "JOB-0002", "JOB-0001"]);
  });

  it("first limits the page and first: 0 answers only the count", async () => {
    await makeJobs(5, () => ({ RegionId: basics.regionId }));
    const result = await gql(
      { token },
      `{ two: jobs(first: 2) { pageInfo { hasNextPage } edges { node { Name } } }
         none: jobs(first: 0) { totalCount pageInfo { hasNextPage endCursor } edges { cursor } } }`,
    );

    expect(result.errors).toEqual([]);
    expect(listAt(result.data, "two", "edges")).toHaveLength(2);
    expect(at(result.data, "two", "pageInfo", "hasNextPage")).toBe(true);
    expect(at(result.data, "none")).toEqual({
      totalCount: 5,
      pageInfo: { hasNextPage: true, endCursor: null },
      edges: [],
    });
  });
});

describe("records by UID", () => {
  it("jobsById answers the record, and null for an unknown UID", async () => {
    const [uid] = await makeJobs(1, () => ({ RegionId: basics.regionId }));
    const result = await gql(
      { token },
      `query($uid: ID!) { jobsById(UID: $uid) { UID Name } missing: jobsById(UID: "nope") { UID } }`,
      { uid },
    );

    expect(result.errors).toEqual([]);
    expect(result.data).toEqual({ jobsById: { UID: uid, Name: "JOB-0001" }, missing: null });
  });
});

describe("relations", () => {
  it("lookups and reverse relations resolve to records", async () => {
    const [jobId] = await makeJobs(1, () => ({
      RegionId: basics.regionId,
      ContactId: basics.contactId,
    }));
    await writeRecords(SEED_ACTOR, async (writer) => {
      for (const resourceId of basics.resourceIds.slice(0, 2)) {
        await writer.insert("JobAllocations", { JobId: jobId, ResourceId: resourceId });
      }
    });
    const result = await gql(
      { token },
      `{ jobs { edges { node {
           Region { Name } Account { Name }
           Contact { FullName Account { Name } }
           JobAllocations { Resource { Name PrimaryRegion { Name } } Job { Name } } } } } }`,
    );

    expect(result.errors).toEqual([]);
    expect(at(result.data, "jobs", "edges", 0, "node")).toMatchObject({
      Region: { Name: "North" },
      Account: null,
      Contact: { FullName: "Ada Lovelace", Account: { Name: "Acme" } },
    });
    // Made in one transaction, they may share a CreatedDate; then UIDs decide.
    const allocations = listAt(result.data, "jobs", "edges", 0, "node", "JobAllocations");
    expect(allocations).toHaveLength(2);
    expect(allocations).toEqual(
      expect.arrayContaining(
        ["Ria", "Sam"].map((name) => ({
          Resource: { Name: name, PrimaryRegion: { Name: "North" } },
          Job: { Name: "JOB-0001" },
        })),
      ),
    );
  });

  it("a resource lists its allocations", async () => {
    const [jobId] = await makeJobs(1, () => ({ RegionId: basics.regionId }));
    await writeRecords(SEED_ACTOR, (writer) =>
      writer.insert("JobAllocations", { JobId: jobId, ResourceId: basics.resourceIds[2] }),
    );
    const result = await gql(
      { token },
      `{ resources(filter: "Name == 'Tao'") { edges { node { JobAllocations { Job { Name } } } } } }`,
    );

    expect(result.errors).toEqual([]);
    expect(at(result.data, "resources", "edges", 0, "node")).toEqual({
      JobAllocations: [{ Job: { Name: "JOB-0001" } }],
    });
  });
});

describe("who may query", () => {
  it("a console session may query from the console's own origin", async () => {
    const user = await makeUser("viewer");
    const cookie = await sessionCookie(user.id);
    const result = await gql({ headers: { cookie, origin: BASE } }, "{ regions { totalCount } }");

    expect(result.status).toBe(200);
    expect(result.data).toEqual({ regions: { totalCount: 2 } });
  });

  it("no credentials answer 401 with the API's error body", async () => {
    const response = await call(graphqlRoute, {
      path: "/graphql",
      json: { query: "{ regions { totalCount } }" },
    });

    expect(response.status).toBe(401);
    expect(response.body.errorType).toBe("unauthorized");
  });

  it("a body that is not JSON answers 415, and one without a query 400", async () => {
    const notJson = await call(graphqlRoute, {
      path: "/graphql",
      token,
      headers: { "content-type": "application/graphql" },
      body: "{ regions { totalCount } }",
    });
    expect(notJson.status).toBe(415);

    const noQuery = await call(graphqlRoute, { path: "/graphql", token, json: { variables: {} } });
    expect(noQuery.status).toBe(400);
    expect(noQuery.body.errorType).toBe("field_error");
  });
});
