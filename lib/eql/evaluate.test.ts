import { afterEach, describe, expect, it, vi } from "vitest";

import { eqlSchema } from "@/lib/lens/registry";

import { compileChangeFilter, compileRecordFilter, type Change } from "./filter";

const schema = eqlSchema();

function jobs(text: string) {
  const filter = compileRecordFilter(text, schema, "Jobs");

  return (record: Record<string, unknown>, now?: Date) => filter.matches(record, { now });
}

describe("evaluating record filters", () => {
  it("treats == null as true for null, undefined and absent values", () => {
    const isEmpty = jobs("Description == null");

    expect(isEmpty({ Description: null })).toBe(true);
    expect(isEmpty({ Description: undefined })).toBe(true);
    expect(isEmpty({})).toBe(true);
    expect(isEmpty({ Description: "" })).toBe(false);
    expect(jobs("Description != null")({ Description: "" })).toBe(true);
  });

  it("reads null == X and null != X as X == null and X != null", () => {
    const missing = jobs("null == Description");
    const present = jobs("null != Description");

    expect([missing({}), missing({ Description: "x" })]).toEqual([true, false]);
    expect([present({}), present({ Description: "x" })]).toEqual([false, true]);
  });

  it("makes positive comparisons with a missing value false and negative ones true", () => {
    const missing = {};

    expect(jobs("Description == 'x'")(missing)).toBe(false);
    expect(jobs("Description != 'x'")(missing)).toBe(true);
    expect(jobs("Duration > 5")(missing)).toBe(false);
    expect(jobs("Duration <= 5")(missing)).toBe(false);
    expect(jobs("NOT Duration > 5")(missing)).toBe(true);
    expect(jobs("JobStatus IN ['Queued']")(missing)).toBe(false);
    expect(jobs("JobStatus NOTIN ['Queued']")(missing)).toBe(true);
    expect(jobs("Name LIKE '%'")(missing)).toBe(false);
    expect(jobs("Name NOTLIKE '%'")(missing)).toBe(true);
    expect(jobs("Tags INCLUDES 'VIP'")(missing)).toBe(false);
    expect(jobs("Tags EXCLUDES 'VIP'")(missing)).toBe(true);
    expect(jobs("Start < NOW()")(missing)).toBe(false);
  });

  it("reads lookups from related records nested under the lookup name", () => {
    const north = jobs("Region.Name == 'North'");

    expect(north({ Region: { Name: "North" } })).toBe(true);
    expect(north({ Region: { Name: "South" } })).toBe(false);
    expect(jobs("Account.Region.Name == 'North'")({ Account: { Region: { Name: "North" } } })).toBe(
      true,
    );
  });

  it("makes every field of an absent related record missing", () => {
    for (const record of [{ Region: null }, {}, { Account: { Region: null } }]) {
      expect(jobs("Region.Name == null")(record)).toBe(true);
      expect(jobs("Region.Name != 'North'")(record)).toBe(true);
      expect(jobs("Region.Name == 'North'")(record)).toBe(false);
      expect(jobs("Account.Region.Name == null")(record)).toBe(true);
    }
  });

  it("compares text exactly with == and ignoring case with LIKE", () => {
    expect(jobs("Name == 'JOB-1'")({ Name: "job-1" })).toBe(false);
    expect(jobs("Name LIKE 'JOB-1'")({ Name: "job-1" })).toBe(true);
    expect(jobs("Name IN ['JOB-1']")({ Name: "job-1" })).toBe(false);
  });

  it("matches LIKE patterns against the whole value with % and _", () => {
    const cases: [string, string, boolean][] = [
      ["JOB-1%", "job-123", true],
      ["JOB-1%", "xJOB-1", false],
      ["%1", "JOB-1", true],
      ["%OB%", "JOB-1", true],
      ["J_B-1", "JOB-1", true],
      ["J_B-1", "JB-1", false],
      ["a%b", "a-long-b", true],
      ["a%b", "ab", true],
      ["a%b", "abc", false],
      ["a_", "a🚀", true],
      ["%", "", true],
      ["", "", true],
      ["", "x", false],
      ["a%", "a\nb", true],
      ["a.b", "axb", false],
      ["(x)+", "(X)+", true],
      ["100\\%", "100%", true],
      ["100\\%", "1000", false],
      ["a\\_b", "a_b", true],
      ["a\\_b", "axb", false],
      ["back\\\\slash", "back\\slash", true],
    ];
    for (const [pattern, value, expected] of cases) {
      const text = `Name LIKE '${pattern.replaceAll("\\", "\\\\").replaceAll("\n", "\\n")}'`;

      expect([pattern, value, jobs(text)({ Name: value })]).toEqual([pattern, value, expected]);
    }
  });

  it("finds multi-picklist entries whole and ignoring case, never as substrings", () => {
    const vip = jobs("Tags INCLUDES 'VIP'");

    expect(vip({ Tags: "VIP" })).toBe(true);
    expect(vip({ Tags: "Gold;vip" })).toBe(true);
    expect(vip({ Tags: "a;VIP;b" })).toBe(true);
    expect(vip({ Tags: "VIPX" })).toBe(false);
    expect(vip({ Tags: "XVIP;Gold" })).toBe(false);
    expect(vip({ Tags: "" })).toBe(false);
    expect(jobs("Tags INCLUDES ['A', 'B']")({ Tags: "x;b" })).toBe(true);
    expect(jobs("Tags EXCLUDES ['A', 'B']")({ Tags: "x;b" })).toBe(false);
    expect(jobs("Tags EXCLUDES ['A', 'B']")({ Tags: "x;c" })).toBe(true);
    expect(jobs("Tags INCLUDES 'a.b'")({ Tags: "axb" })).toBe(false);
  });

  it("reads date-times given as Date, ISO text or epoch milliseconds", () => {
    const after = jobs("Start > 2027-01-01");

    expect(after({ Start: new Date("2027-01-01T00:00:00.001Z") })).toBe(true);
    expect(after({ Start: new Date("2027-01-01T00:00:00.000Z") })).toBe(false);
    expect(after({ Start: "2027-01-02T00:00:00Z" })).toBe(true);
    expect(after({ Start: Date.UTC(2027, 0, 2) })).toBe(true);
    expect(after({ Start: "not a date" })).toBe(false);
    expect(
      jobs("Start == 2027-01-01T10:00:00+10:00")({ Start: new Date("2027-01-01T00:00Z") }),
    ).toBe(true);
  });

  it("reads NOW() from the context, once per evaluation", () => {
    const recent = jobs("Start > NOW() - 7d AND Start < NOW() + duration(1 hours)");
    const now = new Date("2027-03-10T12:00:00Z");

    expect(recent({ Start: new Date("2027-03-05T00:00:00Z") }, now)).toBe(true);
    expect(recent({ Start: new Date("2027-03-01T00:00:00Z") }, now)).toBe(false);
    expect(recent({ Start: new Date("2027-03-10T13:00:01Z") }, now)).toBe(false);
  });

  it("takes the clock's time for NOW() when the context gives none", () => {
    const future = jobs("Start > NOW()");

    expect(future({ Start: new Date(Date.now() + 3_600_000) })).toBe(true);
    expect(future({ Start: new Date(Date.now() - 3_600_000) })).toBe(false);
  });

  it("compares numbers and booleans by kind, so text that looks like a number does not match", () => {
    expect(jobs("Duration == 30")({ Duration: 30 })).toBe(true);
    expect(jobs("Duration == 30")({ Duration: "30" })).toBe(false);
    expect(jobs("Duration IN [15, 30]")({ Duration: 30 })).toBe(true);
    expect(jobs("Duration > 15 AND Duration <= 30")({ Duration: 30 })).toBe(true);
    const active = compileRecordFilter("IsActive == true", schema, "Resources");
    expect(active.matches({ IsActive: true })).toBe(true);
    expect(active.matches({ IsActive: "true" })).toBe(false);
  });

  it("never throws on records of unexpected shapes", () => {
    const filter = jobs(
      "Region.Name LIKE 'a%' OR Start > NOW() OR Tags INCLUDES 'x' OR Duration IN [1] OR Account.Region.Name == null",
    );
    const odd = [{ Region: "North" }, { Start: { nested: true } }, { Tags: 5 }, { Account: 7 }];

    for (const record of odd) expect(() => filter(record)).not.toThrow();
  });

  it("gives AND and OR chains of two to six operands their meaning for every combination", () => {
    for (let size = 2; size <= 6; size++) {
      // Operand i holds when the name contains the digit i.
      const operands = Array.from({ length: size }, (_, i) => `Name LIKE '%${i}%'`);
      const all = jobs(operands.join(" AND "));
      const any = jobs(operands.join(" OR "));
      for (let mask = 0; mask < 2 ** size; mask++) {
        const digits = operands.map((_, i) => ((mask >> i) & 1 ? String(i) : "")).join("");
        const record = { Name: `n${digits}` };

        expect(all(record), `${size} AND, ${digits}`).toBe(mask === 2 ** size - 1);
        expect(any(record), `${size} OR, ${digits}`).toBe(mask !== 0);
      }
    }
  });

  it("stops a chain at the first operand that decides it", () => {
    let reads = 0;
    const record = {};
    Object.defineProperty(record, "Description", {
      get: () => {
        reads += 1;

        return "x";
      },
    });
    const rest = "Description == 'a' AND Description == 'b' AND Description == 'c'";

    expect(jobs(`Name == 'x' AND ${rest}`)(record)).toBe(false);
    expect(jobs(`Name == null OR ${rest.replaceAll("AND", "OR")}`)(record)).toBe(true);
    expect(reads).toBe(0);
  });

  describe("without work per call", () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it("evaluates long AND and OR chains in a loop, making no callback per evaluation", () => {
      const chain = (joiner: string) =>
        jobs(["Duration > 1", "Duration < 9", "Name != 'a'", "Tags INCLUDES 'x'"].join(joiner));
      const all = chain(" AND ");
      const any = chain(" OR ");
      const iterating = (
        ["every", "some", "forEach", "map", "filter", "reduce", "find"] as const
      ).map((method) => vi.spyOn(Array.prototype, method));
      const record = { Duration: 5, Name: "b", Tags: "y;x" };

      expect(all(record)).toBe(true);
      expect(any({ Name: "a" })).toBe(false);
      for (const spy of iterating) expect(spy).not.toHaveBeenCalled();
    });
  });

  it("lists the lookups a filter reads", () => {
    const filter = compileRecordFilter(
      "Region.Name == 'x' AND Account.Region.Name == 'y' OR Region.Timezone == 'UTC'",
      schema,
      "Jobs",
    );

    expect(filter.lookups).toEqual([["Region"], ["Account", "Region"]]);
  });
});

describe("evaluating change filters", () => {
  const dispatched = compileChangeFilter(
    "Current.JobStatus != Previous.JobStatus AND Current.JobStatus == 'Dispatched'",
    schema,
    "Jobs",
  );
  const change = (
    operation: Change["operation"],
    previous: Change["previous"],
    current: Change["current"],
  ): Change => ({ operation, previous, current });

  it("fires when a field changes to the value named", () => {
    expect(
      dispatched.matches(change("UPDATE", { JobStatus: "Queued" }, { JobStatus: "Dispatched" })),
    ).toBe(true);
    expect(
      dispatched.matches(
        change("UPDATE", { JobStatus: "Dispatched" }, { JobStatus: "Dispatched" }),
      ),
    ).toBe(false);
  });

  it("reads Previous as missing on INSERT and Current as missing on DELETE", () => {
    expect(dispatched.matches(change("INSERT", null, { JobStatus: "Dispatched" }))).toBe(true);
    const gone = compileChangeFilter(
      "Current.Name == null AND Previous.Name == 'J'",
      schema,
      "Jobs",
    );
    expect(gone.matches(change("DELETE", { Name: "J" }, null))).toBe(true);
  });

  it("treats a field that stays empty as unchanged", () => {
    const changed = compileChangeFilter(
      "Current.Description != Previous.Description",
      schema,
      "Jobs",
    );

    expect(changed.matches(change("UPDATE", { Description: null }, {}))).toBe(false);
    expect(changed.matches(change("UPDATE", { Description: null }, { Description: "x" }))).toBe(
      true,
    );
  });

  it("compares Operation and date-times given as ISO text, as change events store them", () => {
    const moved = compileChangeFilter(
      "Operation == 'UPDATE' AND Current.Start > Previous.Start AND Current.Start == 2027-01-02T00:00:00Z",
      schema,
      "Jobs",
    );
    const previous = { Start: "2027-01-01T00:00:00.000Z" };

    expect(moved.matches(change("UPDATE", previous, { Start: "2027-01-02T00:00:00.000Z" }))).toBe(
      true,
    );
    expect(moved.matches(change("INSERT", previous, { Start: "2027-01-02T00:00:00.000Z" }))).toBe(
      false,
    );
  });

  it("follows lookups under Current and Previous", () => {
    const regionChanged = compileChangeFilter(
      "Current.Region.Name != Previous.Region.Name",
      schema,
      "Jobs",
    );

    expect(
      regionChanged.matches(change("UPDATE", { Region: { Name: "A" } }, { Region: { Name: "B" } })),
    ).toBe(true);
    expect(regionChanged.lookups).toEqual([["Region"]]);
  });
});
