import { describe, expect, it } from "vitest";

import { eqlSchema } from "@/lib/lens/registry";

import { EqlError } from "./errors";
import { compileChangeFilter } from "./filter";

const schema = eqlSchema();

/** [filter, "line:column+length", reason] in triggered-action (change) filters on Jobs. */
const CHANGE_ERRORS: readonly (readonly [string, string, string])[] = [
  [
    "JobStatus == 'Queued'",
    "1:1+9",
    "in a triggered-action filter a field needs Current. or Previous.; did you mean 'Current.JobStatus'?",
  ],
  [
    "Region.Name == 'x'",
    "1:1+11",
    "in a triggered-action filter a field needs Current. or Previous.; did you mean 'Current.Region.Name'?",
  ],
  // Current, Previous and Operation are names, not keywords: they keep their case (§3).
  [
    "current.JobStatus == 'Queued'",
    "1:1+7",
    "Current. and Previous. start with a capital letter; did you mean 'Current.JobStatus'?",
  ],
  [
    "PREVIOUS.Region.Name == 'x'",
    "1:1+8",
    "Current. and Previous. start with a capital letter; did you mean 'Previous.Region.Name'?",
  ],
  [
    "Current.JobStatus != previous.JobStatus",
    "1:22+8",
    "Current. and Previous. start with a capital letter; did you mean 'Previous.JobStatus'?",
  ],
  [
    "operation == 'INSERT'",
    "1:1+9",
    "Operation starts with a capital letter; did you mean 'Operation'?",
  ],
  [
    "Current.Name == 'x' OR OPERATION IN ['DELETE']",
    "1:24+9",
    "Operation starts with a capital letter; did you mean 'Operation'?",
  ],
  ["Current.JobStaus == 'x'", "1:9+8", "unknown field 'JobStaus'; did you mean 'JobStatus'?"],
  ["Current.Region.Nme == 'x'", "1:16+3", "unknown field 'Nme'; did you mean 'Name'?"],
  ["Operation == 'insert'", "1:14+8", "unknown Operation value 'insert'; did you mean 'INSERT'?"],
  [
    "Operation > 'INSERT'",
    "1:11+1",
    "> does not apply to 'Operation', a picklist; use ==, !=, IN or NOTIN",
  ],
  [
    "Operation == Current.Name",
    "1:14+12",
    "Operation can only be compared with 'INSERT', 'UPDATE' or 'DELETE'",
  ],
  [
    "Current.Name == Operation",
    "1:17+9",
    "Operation can only be compared with 'INSERT', 'UPDATE' or 'DELETE'",
  ],
  [
    "Current.Start > Previous.Name",
    "1:17+13",
    "'Current.Start' is a date-time field and 'Previous.Name' is a text field; they cannot be compared",
  ],
  ["Current.Name LIKE Previous.Name", "1:19+13", "LIKE needs a value in quotes, not another field"],
  [
    "Current.Tags INCLUDES Previous.Tags",
    "1:23+13",
    "INCLUDES needs a value in quotes, not another field",
  ],
  ["Current.Name == Previous.Nmae", "1:26+4", "unknown field 'Nmae'; did you mean 'Name'?"],
  [
    "Current.Name == Name",
    "1:17+4",
    "in a triggered-action filter a field needs Current. or Previous.; did you mean 'Current.Name'?",
  ],
];

const CHANGE_OK: readonly string[] = [
  "Current.JobStatus != Previous.JobStatus AND Current.JobStatus == 'Dispatched'",
  "Operation == 'INSERT' OR Operation IN ['UPDATE', 'DELETE']",
  "Current.Description == Previous.Description",
  "Current.Start > Previous.Start AND Current.Duration <= Previous.Duration",
  "Previous.Region.Name != Current.Region.Name",
  "Current.Start > NOW() - 1h AND Previous.Tags INCLUDES 'VIP'",
];

function compileError(text: string): EqlError {
  try {
    compileChangeFilter(text, schema, "Jobs");
  } catch (error) {
    if (error instanceof EqlError) return error;
    throw error;
  }
  throw new Error("compiled without an error");
}

describe("checking triggered-action (change) filters", () => {
  it.each(CHANGE_ERRORS)("refuses %j at %s: %s", (text, position, reason) => {
    const error = compileError(text);

    expect(`${error.line}:${error.column}+${error.length}`).toBe(position);
    expect(error.reason).toBe(reason);
  });

  it.each(CHANGE_OK)("accepts %j", (text) => {
    expect(compileChangeFilter(text, schema, "Jobs").ast).toBeDefined();
  });
});
