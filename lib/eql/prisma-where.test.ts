import { describe, expect, it } from "vitest";

import { eqlSchema } from "@/lib/lens/registry";
import { annotatedSchema } from "@/tests/eql/annotated-schema";

import { EqlError } from "./errors";
import { compileRecordFilter } from "./filter";
import type { Provider } from "./prisma-where";
import type { EqlSchema } from "./schema";

const schema = annotatedSchema();

/** The registry's schema as it was before fields said whether they may be null. */
function withoutNullability(): EqlSchema {
  return Object.fromEntries(
    Object.entries(eqlSchema()).map(([name, object]) => {
      const fields = object.fields.map((field) =>
        field.values
          ? { name: field.name, type: field.type, values: field.values }
          : { name: field.name, type: field.type },
      );

      return [name, { ...object, fields }];
    }),
  );
}

function where(text: string, provider: Provider = "sqlite", now?: Date) {
  return compileRecordFilter(text, schema, "Jobs").toPrismaWhere({ provider, now });
}

describe("translation to a Prisma where", () => {
  it("relies on a registry that says which fields may be null exactly as the database does", () => {
    // A field marked never-null that is nullable in the database would make negations drop rows.
    expect(eqlSchema()).toEqual(schema);
  });

  it("maps comparisons onto Prisma filters", () => {
    expect(where("JobStatus == 'Queued' AND Duration > 30")).toEqual({
      AND: [{ JobStatus: { equals: "Queued" } }, { Duration: { gt: 30 } }],
    });
    expect(where("Duration <= 5 OR Duration IN [1, 2]")).toEqual({
      OR: [{ Duration: { lte: 5 } }, { Duration: { in: [1, 2] } }],
    });
    expect(where("Start >= 2027-01-01")).toEqual({
      Start: { gte: new Date("2027-01-01T00:00:00Z") },
    });
  });

  it("adds the null case to negations of nullable fields, and only there", () => {
    expect(where("Description != 'x'")).toEqual({
      NOT: { Description: { not: null, equals: "x" } },
    });
    expect(where("JobStatus NOTIN ['Queued']")).toEqual({
      NOT: { JobStatus: { in: ["Queued"] } },
    });
    expect(where("NOT (Duration > 5 OR NOT Start < 2027-01-01)")).toEqual({
      NOT: {
        OR: [{ Duration: { gt: 5 } }, { NOT: { Start: { lt: new Date("2027-01-01T00:00:00Z") } } }],
      },
    });
    expect(where("NOT NOT Description == 'x'")).toEqual({
      NOT: { NOT: { Description: { equals: "x" } } },
    });
  });

  it("asks for null only on columns that may hold it", () => {
    expect(where("Description == null")).toEqual({ Description: null });
    expect(where("Name == null")).toEqual({ Name: { in: [] } });
    expect(where("Description != null")).toEqual({ NOT: { Description: null } });
  });

  it("makes == null on a required boolean a contradiction, as Prisma's Boolean filter has no in", () => {
    const active = compileRecordFilter("IsActive == null", schema, "Resources");

    expect(active.toPrismaWhere({ provider: "sqlite" })).toEqual({
      IsActive: { equals: true, not: true },
    });
  });

  it("treats fields whose nullability the schema does not state as nullable", () => {
    const plain = compileRecordFilter("JobStatus != 'Queued'", withoutNullability(), "Jobs");

    expect(plain.toPrismaWhere({ provider: "sqlite" })).toEqual({
      NOT: { JobStatus: { not: null, equals: "Queued" } },
    });
  });

  it("turns lookups into relation filters, adding the absent relation for == null", () => {
    expect(where("Region.Name == 'North'")).toEqual({
      Region: { is: { Name: { equals: "North" } } },
    });
    expect(where("Account.Region.Name != 'North'")).toEqual({
      NOT: { Account: { is: { Region: { is: { Name: { equals: "North" } } } } } },
    });
    expect(where("Account.BillingCity == null")).toEqual({
      OR: [{ AccountId: null }, { Account: { is: { BillingCity: null } } }],
    });
    // Every job has a region, so only the region's own field can be empty.
    expect(where("Region.Description == null")).toEqual({
      Region: { is: { Description: null } },
    });
  });

  it("asks the relation itself when the schema does not list the id field", () => {
    const bare = withoutNullability();
    const jobs = bare.Jobs;
    if (!jobs) throw new Error("Jobs missing from the registry");
    const withoutIds = {
      ...bare,
      Jobs: { ...jobs, fields: jobs.fields.filter((field) => field.name !== "AccountId") },
    };
    const filter = compileRecordFilter("Account.Name == null", withoutIds, "Jobs");

    expect(filter.toPrismaWhere({ provider: "sqlite" })).toEqual({
      OR: [{ NOT: { Account: { is: {} } } }, { Account: { is: { Name: null } } }],
    });
  });

  it("translates each class of LIKE pattern exactly", () => {
    const cases: [string, unknown][] = [
      ["JOB-1%", { Name: { startsWith: "JOB-1" } }],
      ["%-1", { Name: { endsWith: "-1" } }],
      ["%OB%", { Name: { contains: "OB" } }],
      ["%", { Name: { contains: "" } }],
      ["", { Name: { equals: "" } }],
      [
        "J_B",
        { AND: [{ Name: { startsWith: "J_B" } }, { NOT: { Name: { startsWith: "____" } } }] },
      ],
      ["a%b", { AND: [{ Name: { startsWith: "a_" } }, { Name: { endsWith: "b" } }] }],
      ["a%b%c_", { AND: [{ Name: { startsWith: "a%b__" } }, { Name: { endsWith: "c_" } }] }],
      ["%a%b", { Name: { endsWith: "a%b" } }],
      ["a%%b%", { Name: { startsWith: "a%b" } }],
    ];
    for (const [pattern, expected] of cases) {
      expect([pattern, where(`Name LIKE '${pattern}'`)]).toEqual([pattern, expected]);
    }
  });

  it("ignores case with mode insensitive on PostgreSQL only", () => {
    expect(where("Name LIKE 'a%'", "postgresql")).toEqual({
      Name: { startsWith: "a", mode: "insensitive" },
    });
    expect(where("Name LIKE 'a%'", "sqlite")).toEqual({ Name: { startsWith: "a" } });
  });

  it("escapes literal %, _ and backslashes for PostgreSQL", () => {
    expect(where("Name LIKE 'a\\\\_b\\\\\\\\c%'", "postgresql")).toEqual({
      Name: { startsWith: "a\\_b\\\\c", mode: "insensitive" },
    });
    // SQLite's LIKE has no escape character, so a backslash stands for itself.
    expect(where("Name LIKE 'back\\\\\\\\slash%'", "sqlite")).toEqual({
      Name: { startsWith: "back\\slash" },
    });
  });

  it("matches whole multi-picklist entries in all four positions", () => {
    expect(where("Tags INCLUDES 'VIP'")).toEqual({
      OR: [
        { AND: [{ Tags: { startsWith: "VIP" } }, { NOT: { Tags: { startsWith: "____" } } }] },
        { Tags: { startsWith: "VIP;" } },
        { Tags: { endsWith: ";VIP" } },
        { Tags: { contains: ";VIP;" } },
      ],
    });
    const mode = "insensitive";
    expect(where("Tags EXCLUDES 'a_b'", "postgresql")).toEqual({
      NOT: {
        AND: [
          { Tags: { not: null } },
          {
            OR: [
              {
                AND: [
                  { Tags: { startsWith: "a\\_b", mode } },
                  { NOT: { Tags: { startsWith: "____", mode } } },
                ],
              },
              { Tags: { startsWith: "a\\_b;", mode } },
              { Tags: { endsWith: ";a\\_b", mode } },
              { Tags: { contains: ";a\\_b;", mode } },
            ],
          },
        ],
      },
    });
  });

  // LIMITATION (see prisma-like.ts): SQLite queries cannot match a literal '%' or '_'.
  it("refuses, on SQLite, patterns and entries with a literal % or _, pointing at them", () => {
    for (const [text, column] of [
      ["Name LIKE '100\\\\%'", 11],
      ["Tags INCLUDES 'a_b'", 15],
      ["Duration > 1 AND Tags EXCLUDES ['x', '50%']", 32],
    ] as const) {
      const filter = compileRecordFilter(text, schema, "Jobs");
      const attempt = () => filter.toPrismaWhere({ provider: "sqlite" });

      expect(attempt).toThrow(EqlError);
      expect(attempt).toThrow(`line 1, column ${column}: a literal '`);
      expect(() => filter.toPrismaWhere({ provider: "postgresql" })).not.toThrow();
    }
  });

  // LIMITATION (see prisma-like.ts): SQLite refuses LIKE patterns over 50,000 bytes.
  it("refuses, on SQLite, patterns too long for its LIKE", () => {
    const filter = compileRecordFilter(`Description LIKE '${"a".repeat(10_001)}%'`, schema, "Jobs");

    expect(() => filter.toPrismaWhere({ provider: "sqlite" })).toThrow(
      "line 1, column 18: this pattern is too long for a query on SQLite",
    );
    expect(() => filter.toPrismaWhere({ provider: "postgresql" })).not.toThrow();
  });

  it("reads NOW() once per query, from the option or else the clock", () => {
    const now = new Date("2027-03-10T12:00:00Z");

    expect(where("Start > NOW() - 7d AND End < NOW()", "sqlite", now)).toEqual({
      AND: [
        { Start: { gt: new Date("2027-03-03T12:00:00Z") } },
        { End: { lt: new Date("2027-03-10T12:00:00Z") } },
      ],
    });
    const before = Date.now();
    const start: unknown = where("Start > NOW()").Start;
    const bound = typeof start === "object" && start !== null && "gt" in start ? start.gt : null;
    const after = Date.now();
    expect(bound).toBeInstanceOf(Date);
    const ms = bound instanceof Date ? bound.getTime() : Number.NaN;
    expect(ms >= before && ms <= after).toBe(true);
  });
});
