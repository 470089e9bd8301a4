import { beforeEach, describe, expect, it } from "vitest";

import { makeToken, resetDatabase } from "../helpers";
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

let token: string;
let basics: Basics;

beforeEach(async () => {
  await resetDatabase();
  await resetLens();
  ({ token } = await makeToken("viewer"));
  basics = await makeBasics();
});

const DAY = 86_400_000;

/** Starts spread over 40 days, some repeated and some empty, so ties and nulls occur. */
function startFor(seed: number): string | null {
  if (seed % 7 === 3) return null;

  return new Date(Date.UTC(2027, 0, 1) + ((seed * 13) % 40) * DAY).toISOString();
}

async function pageThrough(orderBy: string, onPage: (page: number) => Promise<void>) {
  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const result = await gql(
      { token },
      `query($after: String) { jobs(first: 7, orderBy: "${orderBy}", after: $after) {
         pageInfo { hasNextPage endCursor } edges { node { UID } } } }`,
      { after },
    );
    expect(result.errors).toEqual([]);
    seen.push(...listAt(result.data, "jobs", "edges").map((edge) => stringAt(edge, "node", "UID")));
    if (at(result.data, "jobs", "pageInfo", "hasNextPage") !== true) return seen;
    after = stringAt(result.data, "jobs", "pageInfo", "endCursor");
    await onPage(page);
  }
  throw new Error("paging did not end");
}

describe("cursor pagination", () => {
  for (const orderBy of ["Start DESC, Name", "Start", "CreatedDate", "Urgency DESC"]) {
    it(`pages by "${orderBy}" without repeats or gaps while records are inserted`, async () => {
      const original = await makeJobs(40, (index) => ({
        RegionId: basics.regionId,
        Start: startFor(index),
        Urgency: ["Low", "Normal", "High"][index % 3],
      }));
      let inserted = 0;
      const seen = await pageThrough(orderBy, async () => {
        await makeJobs(3, (index) => ({
          RegionId: basics.regionId,
          Start: startFor(100 + inserted + index),
          Urgency: "Critical",
        }));
        inserted += 3;
      });

      expect(new Set(seen).size).toBe(seen.length);
      expect(original.filter((uid) => !seen.includes(uid))).toEqual([]);
      expect(inserted).toBeGreaterThan(0);
    });
  }

  it("the last page says there is no next page", async () => {
    await makeJobs(7, () => ({ RegionId: basics.regionId }));
    const first = await gql({ token }, `{ jobs(first: 7) { pageInfo { hasNextPage endCursor } } }`);
    expect(at(first.data, "jobs", "pageInfo", "hasNextPage")).toBe(false);

    const after = stringAt(first.data, "jobs", "pageInfo", "endCursor");
    const rest = await gql(
      { token },
      `query($after: String) { jobs(after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor } } }`,
      { after },
    );
    expect(at(rest.data, "jobs")).toEqual({
      totalCount: 7,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [],
    });
  });
});
