import { describe, expect, it } from "vitest";

import { eqlSchema } from "@/lib/lens/registry";

import { diagnostics } from "./editor";
import { EqlError } from "./errors";
import { compileRecordFilter } from "./filter";
import type { EqlSchema } from "./schema";

const schema = eqlSchema();

const RECORD_OK: readonly (readonly [string, string])[] = [
  ["Jobs", "Account.Region.Name == 'x' AND Contact.LastName != null"],
  ["Jobs", "Start > NOW() - 7d AND Start < 2027-01-01 AND End == 2027-01-01T09:00:00+10:00"],
  ["Jobs", "Duration IN [1, 2] AND Duration == -5 AND Duration > 0"],
  ["Jobs", "Description == null OR Description != null OR Description LIKE '%x%'"],
  ["Jobs", "Tags INCLUDES ['VIP', 'Gold'] AND Tags EXCLUDES 'x' AND Tags == 'VIP;Gold'"],
  ["Jobs", "NOT (JobStatus IN ['Queued', 'Dispatched'] OR Urgency == 'High')"],
  ["Contacts", "Account.Region.Name == 'x' AND Region.Timezone LIKE 'Australia/%'"],
  [
    "JobAllocations",
    "Job.Region.Name == 'x' AND Resource.IsActive == true AND Status == 'Confirmed'",
  ],
  ["Resources", "IsActive != false AND PrimaryRegion.Name == 'North'"],
  ["Regions", "CountryCode IN ['AU', 'NZ'] AND Description NOTLIKE '%closed%'"],
];

function position(error: EqlError): string {
  return `${error.line}:${error.column}+${error.length}`;
}

function compileError(run: () => unknown): EqlError {
  try {
    run();
  } catch (error) {
    if (error instanceof EqlError) return error;
    throw error;
  }
  throw new Error("compiled without an error");
}

describe("checking record filters against schema data", () => {
  it.each(RECORD_OK)("on %s accepts %j", (object, text) => {
    expect(compileRecordFilter(text, schema, object).ast).toBeDefined();
  });

  it("offers the names that would fit with an unknown field", () => {
    const error = compileError(() => compileRecordFilter("Nmae == 'x'", schema, "Regions"));

    expect(error.expected).toEqual([
      "UID",
      "CreatedDate",
      "LastModifiedDate",
      "Name",
      "Timezone",
      "CountryCode",
      "Description",
    ]);
  });

  it("reports every problem of a filter at once, in the order of the text", () => {
    const found = diagnostics(
      "Nmae == 1 AND Duration LIKE 'x' OR JobStatus == 'Nope'",
      schema,
      "Jobs",
    );

    expect(found.map((diagnostic) => [diagnostic.column, diagnostic.message])).toEqual([
      [1, "unknown field 'Nmae'; did you mean 'Name'?"],
      [
        24,
        "LIKE does not apply to 'Duration', a whole-number field; use ==, !=, <, <=, >, >=, IN or NOTIN",
      ],
      [49, "unknown JobStatus value 'Nope'"],
    ]);
  });

  it("serves objects added later, described only as data", () => {
    const custom: EqlSchema = {
      Invoices: {
        name: "Invoices",
        fields: [
          { name: "Total", type: "decimal" },
          { name: "Due", type: "date" },
          { name: "Labels", type: "multipicklist", values: ["Paid", "Late"] },
        ],
        lookups: [{ name: "Customer", field: "CustomerId", target: "Customers" }],
      },
    };
    const filter = compileRecordFilter("Total > 10.5 AND Due < 2027-01-01", custom, "Invoices");

    expect(filter.matches({ Total: 11.25, Due: new Date("2026-06-01T00:00:00Z") })).toBe(true);
    expect(
      position(
        compileError(() => compileRecordFilter("Labels INCLUDES 'Pad'", custom, "Invoices")),
      ),
    ).toBe("1:17+5");
    expect(
      compileError(() => compileRecordFilter("Customer.Name == 'x'", custom, "Invoices")).reason,
    ).toBe("lookup 'Customer' leads to 'Customers', which the schema does not describe");
  });
});
