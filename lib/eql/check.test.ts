import { describe, expect, it } from "vitest";

import { eqlSchema } from "@/lib/lens/registry";

import { EqlError } from "./errors";
import { compileRecordFilter } from "./filter";

const schema = eqlSchema();

/** [object, filter, "line:column+length", reason]: every way a filter can disagree with the schema. */
const RECORD_ERRORS: readonly (readonly [string, string, string, string])[] = [
  ["Jobs", "JobStaus == 'x'", "1:1+8", "unknown field 'JobStaus'; did you mean 'JobStatus'?"],
  [
    "Jobs",
    "jobstatus == 'Queued'",
    "1:1+9",
    "unknown field 'jobstatus'; did you mean 'JobStatus'?",
  ],
  ["Jobs", "Xyzzy == 1", "1:1+5", "unknown field 'Xyzzy'"],
  ["Jobs", "Regon.Name == 'x'", "1:1+5", "unknown lookup 'Regon'; did you mean 'Region'?"],
  ["Jobs", "Region.Nmae == 'x'", "1:8+4", "unknown field 'Nmae'; did you mean 'Name'?"],
  ["Jobs", "Account.Regin.Name == 'x'", "1:9+5", "unknown lookup 'Regin'; did you mean 'Region'?"],
  [
    "Jobs",
    "Region == 'x'",
    "1:1+6",
    "'Region' is a lookup; name one of its fields, as in Region.Name",
  ],
  [
    "Jobs",
    "RegionId.Name == 'x'",
    "1:1+8",
    "'RegionId' holds an id, not a record; follow the lookup 'Region' instead",
  ],
  ["Jobs", "Name.First == 'x'", "1:1+4", "'Name' is a field, not a lookup, so nothing follows it"],
  [
    "Jobs",
    "Start > 'abc'",
    "1:9+5",
    "'Start' is a date-time field: compare it with a date, a date-time or NOW(), not a string",
  ],
  [
    "Jobs",
    "Duration == 'x'",
    "1:13+3",
    "'Duration' is a whole-number field: compare it with a number, not a string",
  ],
  [
    "Jobs",
    "Name == 5",
    "1:9+1",
    "'Name' is a text field: compare it with a string in quotes, not a number",
  ],
  [
    "Resources",
    "IsActive == 'yes'",
    "1:13+5",
    "'IsActive' is a true/false field: compare it with true or false, not a string",
  ],
  [
    "Jobs",
    "Start == true",
    "1:10+4",
    "'Start' is a date-time field: compare it with a date, a date-time or NOW(), not true/false",
  ],
  ["Jobs", "Duration == 1.5", "1:13+3", "'Duration' holds whole numbers; 1.5 is not one"],
  [
    "Jobs",
    "Duration == 2027-01-01",
    "1:13+10",
    "'Duration' is a whole-number field: compare it with a number, not a date",
  ],
  [
    "Jobs",
    "Name == NOW()",
    "1:9+5",
    "'Name' is a text field: compare it with a string in quotes, not NOW()",
  ],
  [
    "Jobs",
    "UID == 2027-01-01T09:00Z",
    "1:8+17",
    "'UID' is an id: compare it with a string in quotes, not a date-time",
  ],
  [
    "Jobs",
    "Duration LIKE 'x'",
    "1:10+4",
    "LIKE does not apply to 'Duration', a whole-number field; use ==, !=, <, <=, >, >=, IN or NOTIN",
  ],
  [
    "Jobs",
    "Name > 'a'",
    "1:6+1",
    "> does not apply to 'Name', a text field; use ==, !=, IN, NOTIN, LIKE or NOTLIKE",
  ],
  [
    "Jobs",
    "JobStatus INCLUDES 'Queued'",
    "1:11+8",
    "INCLUDES does not apply to 'JobStatus', a picklist; use ==, !=, IN, NOTIN, LIKE or NOTLIKE",
  ],
  [
    "Jobs",
    "Tags IN ['a']",
    "1:6+2",
    "IN does not apply to 'Tags', a multi-picklist; use ==, !=, LIKE, NOTLIKE, INCLUDES or EXCLUDES",
  ],
  [
    "Resources",
    "IsActive > true",
    "1:10+1",
    "> does not apply to 'IsActive', a true/false field; use == or !=",
  ],
  [
    "Jobs",
    "Start IN [2027-01-01]",
    "1:7+2",
    "IN does not apply to 'Start', a date-time field; use ==, !=, <, <=, > or >=",
  ],
  [
    "Jobs",
    "UID LIKE 'a%'",
    "1:5+4",
    "LIKE does not apply to 'UID', an id; use ==, !=, IN or NOTIN",
  ],
  [
    "Jobs",
    "Start NOTLIKE 'x'",
    "1:7+7",
    "NOTLIKE does not apply to 'Start', a date-time field; use ==, !=, <, <=, > or >=",
  ],
  [
    "Jobs",
    "Region.Name EXCLUDES 'x'",
    "1:13+8",
    "EXCLUDES does not apply to 'Region.Name', a text field; use ==, !=, IN, NOTIN, LIKE or NOTLIKE",
  ],
  [
    "Jobs",
    "JobStatus == 'Queud'",
    "1:14+7",
    "unknown JobStatus value 'Queud'; did you mean 'Queued'?",
  ],
  ["Jobs", "JobStatus IN ['Queued', 'Nope']", "1:25+6", "unknown JobStatus value 'Nope'"],
  ["Jobs", "Urgency != 'high'", "1:12+6", "unknown Urgency value 'high'; did you mean 'High'?"],
  [
    "Jobs",
    "JobStatus NOTIN ['queued']",
    "1:18+8",
    "unknown JobStatus value 'queued'; did you mean 'Queued'?",
  ],
  [
    "JobAllocations",
    "Status == 'Confrimed'",
    "1:11+11",
    "unknown Status value 'Confrimed'; did you mean 'Confirmed'?",
  ],
  [
    "Jobs",
    "Duration > null",
    "1:12+4",
    "null can only be compared with == or !=, as in Duration == null",
  ],
  [
    "Jobs",
    "JobStatus IN ['Queued', null]",
    "1:25+4",
    "null cannot be one of a list's values; add OR JobStatus == null",
  ],
  [
    "Jobs",
    "Duration > 7d",
    "1:12+2",
    "a duration can only be added to or taken from NOW(), as in NOW() - 7d; compare 'Duration' with a plain number",
  ],
  [
    "Jobs",
    "Duration > duration(1 hours)",
    "1:12+17",
    "a duration can only be added to or taken from NOW(), as in NOW() - 7d; compare 'Duration' with a plain number",
  ],
  [
    "Jobs",
    "Start > duration(1 days)",
    "1:9+16",
    "a duration can only be added to or taken from NOW(), as in NOW() - 7d",
  ],
  [
    "Jobs",
    "Start IN [7d]",
    "1:7+2",
    "IN does not apply to 'Start', a date-time field; use ==, !=, <, <=, > or >=",
  ],
  ["Jobs", "Name LIKE 5", "1:11+1", "LIKE needs a pattern in quotes, such as 'JOB-1%'"],
  [
    "Jobs",
    "Tags INCLUDES ''",
    "1:15+2",
    "'' cannot be one entry of a multi-picklist: entries are separated by ';' and never empty",
  ],
  [
    "Jobs",
    "Tags INCLUDES 'a;b'",
    "1:15+5",
    "'a;b' cannot be one entry of a multi-picklist: entries are separated by ';' and never empty",
  ],
  ["Jobs", "Tags INCLUDES [1]", "1:16+1", "INCLUDES takes text values in quotes, such as 'VIP'"],
  [
    "Jobs",
    "Tags EXCLUDES ['VIP', '']",
    "1:23+2",
    "'' cannot be one entry of a multi-picklist: entries are separated by ';' and never empty",
  ],
  [
    "Jobs",
    "JobStatus == Queued",
    "1:14+6",
    "comparing two fields works only in triggered-action filters; to compare with the text Queued, write 'Queued'",
  ],
  [
    "Jobs",
    "Start < End",
    "1:9+3",
    "comparing two fields works only in triggered-action filters; to compare with the text End, write 'End'",
  ],
  [
    "Jobs",
    "Region.Name == Account.Name",
    "1:16+12",
    "comparing two fields works only in triggered-action filters",
  ],
  [
    "Jobs",
    "Current.JobStatus == 'x'",
    "1:1+7",
    "Current., Previous. and Operation exist only in triggered-action filters",
  ],
  [
    "Jobs",
    "Operation == 'INSERT'",
    "1:1+9",
    "Current., Previous. and Operation exist only in triggered-action filters",
  ],
  [
    "Contacts",
    "Account.Regoin.Name == 'x'",
    "1:9+6",
    "unknown lookup 'Regoin'; did you mean 'Region'?",
  ],
  ["Widgets", "Name == 'x'", "1:1+0", "unknown object 'Widgets'"],
  ["jobs", "Name == 'x'", "1:1+0", "unknown object 'jobs'; did you mean 'Jobs'?"],
  // A value written first is checked just the same, and pointed at where it stands.
  [
    "Jobs",
    "'abc' == Start",
    "1:1+5",
    "'Start' is a date-time field: compare it with a date, a date-time or NOW(), not a string",
  ],
  [
    "Jobs",
    "null == Descripton",
    "1:9+10",
    "unknown field 'Descripton'; did you mean 'Description'?",
  ],
  // A query must be able to hold NOW() moved by the offset.
  [
    "Jobs",
    "Start >= NOW() + 99979209d",
    "1:18+9",
    "NOW() can be moved by at most 365000 days (about 1,000 years)",
  ],
  [
    "Jobs",
    "Start < NOW() - duration(8760001 hours)",
    "1:17+23",
    "NOW() can be moved by at most 365000 days (about 1,000 years)",
  ],
  // Object names come from outside; inherited members of a plain object are not objects.
  ["constructor", "Name == 'x'", "1:1+0", "unknown object 'constructor'"],
  ["__proto__", "Name == 'x'", "1:1+0", "unknown object '__proto__'"],
  ["Jobs", "constructor == 'x'", "1:1+11", "unknown field 'constructor'"],
];

function compileError(run: () => unknown): EqlError {
  try {
    run();
  } catch (error) {
    if (error instanceof EqlError) return error;
    throw error;
  }
  throw new Error("compiled without an error");
}

function at(error: EqlError): string {
  return `${error.line}:${error.column}+${error.length}`;
}

describe("checking against the schema", () => {
  it.each(RECORD_ERRORS)("on %s refuses %j at %s: %s", (object, text, position, reason) => {
    const error = compileError(() => compileRecordFilter(text, schema, object));

    expect(at(error)).toBe(position);
    expect(error.reason).toBe(reason);
  });

  it("accepts NOW() moved by up to 365000 days, and queries it as a valid date", () => {
    const filter = compileRecordFilter("Start > NOW() - 365000d", schema, "Jobs");
    const now = new Date("2027-01-01T00:00:00Z");

    expect(filter.toPrismaWhere({ provider: "sqlite", now })).toEqual({
      Start: { gt: new Date(now.getTime() - 365_000 * 86_400_000) },
    });
  });

  it("covers at least 50 schema errors in its table", () => {
    expect(RECORD_ERRORS.length).toBeGreaterThanOrEqual(50);
  });
});
