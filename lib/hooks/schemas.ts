import { z } from "zod";

/**
 * Request shapes of `/webhooks` (lens-api.md §4) and of configuration
 * variables. Client-safe: the console's forms reuse them. Unknown keys are
 * ignored so that a Skedulo-shaped request is accepted as it is.
 */
export const WEBHOOK_TYPES = ["graphql", "graphql_deferred", "scheduled", "inbound_sms"] as const;
export type WebhookType = (typeof WEBHOOK_TYPES)[number];

export const MAX_NAME_LENGTH = 255;
export const MAX_URL_LENGTH = 2048;

const ZRetryPolicy = z.object({
  maxAttempts: z.number().int().min(1).max(20),
  delaysSeconds: z
    .array(
      z
        .number()
        .int()
        .min(1)
        .max(7 * 86_400),
    )
    .max(19),
  timeoutSeconds: z.number().int().min(1).max(60),
});

/** Spaces around a name or URL are refused, not trimmed: input is stored as given. */
const untrimmed = (value: string) => value.trim() === value;
const NO_EDGE_SPACES = "must not start or end with spaces";

const ZName = z
  .string()
  .min(1, "must not be empty")
  .max(MAX_NAME_LENGTH)
  .refine(untrimmed, NO_EDGE_SPACES);
const ZUrl = z
  .string()
  .min(1, "must not be empty")
  .max(MAX_URL_LENGTH)
  .refine(untrimmed, NO_EDGE_SPACES);
const ZHeaders = z.record(z.string(), z.string());
const ZQuery = z.string().min(1, "must not be empty").max(100_000);
const ZField = z.string().min(1, "must not be empty");
const ZOffset = z.number().int("must be an integer (milliseconds)");
const ZFilter = z.string().max(10_000);
const ZCron = z.string().min(1, "must not be empty");

const shared = {
  name: ZName,
  url: ZUrl,
  headers: ZHeaders.optional(),
  enabled: z.boolean().optional(),
  retryPolicy: ZRetryPolicy.nullable().optional(),
};

export const ZNewWebhookSchema = z.discriminatedUnion("type", [
  z.object({ ...shared, type: z.literal("graphql"), query: ZQuery }),
  z.object({
    ...shared,
    type: z.literal("graphql_deferred"),
    query: ZQuery,
    field: ZField,
    offset: ZOffset,
    filter: ZFilter.nullable().optional(),
  }),
  z.object({ ...shared, type: z.literal("scheduled"), cron: ZCron }),
  z.object({ ...shared, type: z.literal("inbound_sms") }),
]);
export type TNewWebhook = z.infer<typeof ZNewWebhookSchema>;

/** **ext** PATCH: any field but `type`, which cannot change. */
export const ZPatchWebhookSchema = z.object({
  ...shared,
  name: ZName.optional(),
  url: ZUrl.optional(),
  type: z.enum(WEBHOOK_TYPES).optional(),
  query: ZQuery.optional(),
  field: ZField.optional(),
  offset: ZOffset.optional(),
  filter: ZFilter.nullable().optional(),
  cron: ZCron.optional(),
});
export type TPatchWebhook = z.infer<typeof ZPatchWebhookSchema>;

/** A create or PATCH body before its fields are read one by one. */
export const ZWebhookBodySchema = z.record(z.string(), z.unknown(), "must be a JSON object");

/** The shape of every field a body may carry, each checked on its own. */
const ZFieldsSchema = ZPatchWebhookSchema.omit({ type: true });
export type WebhookFields = z.infer<typeof ZFieldsSchema>;

/** The fields that belong to only some types. */
const TYPED_FIELDS = ["query", "field", "offset", "filter", "cron"] as const;
const TYPE_FIELDS: Record<WebhookType, readonly string[]> = {
  graphql: ["query"],
  graphql_deferred: ["query", "field", "offset", "filter"],
  scheduled: ["cron"],
  inbound_sms: [],
};

type Issue = { path: string; message: string };

export interface ReadWebhookFields {
  /** null when a create body names no valid type */
  type: WebhookType | null;
  /** The fields that passed their shape check; failed and absent ones are left out. */
  values: WebhookFields;
  issues: Issue[];
}

/**
 * Reads a create body (no `fixedType`) or a PATCH body (the stored type).
 * Every malformed field is named, and the well-formed ones are kept so that
 * the save-time checks still run on them: one 400 names every problem.
 * Unknown keys are ignored, as Skedulo's API does; a field of another type
 * is refused, since it would be stored and never used.
 */
export function readWebhookFields(
  body: Record<string, unknown>,
  fixedType?: WebhookType,
): ReadWebhookFields {
  const issues: Issue[] = [];
  const type = readType(body.type, fixedType, issues);
  const given: Record<string, unknown> = { ...body };
  if (isRecord(body.headers)) given.headers = { ...body.headers };
  for (const name of TYPED_FIELDS) {
    if (!type || given[name] === undefined || TYPE_FIELDS[type].includes(name)) continue;
    if (given[name] !== null)
      issues.push({ path: name, message: `does not apply to ${type} webhooks` });
    delete given[name];
  }
  const first = ZFieldsSchema.safeParse(given);
  if (first.success) return { type, values: first.data, issues };

  issues.push(...first.error.issues.map(toIssue));
  // Drop what failed (a single header, or a whole field) and read the rest again.
  for (const issue of first.error.issues) {
    const [key, header] = issue.path.map(String);
    const headers = given.headers;
    if (key === "headers" && header !== undefined && isRecord(headers)) delete headers[header];
    else if (key !== undefined) delete given[key];
  }
  const rest = ZFieldsSchema.safeParse(given);

  return { type, values: rest.success ? rest.data : {}, issues };
}

function readType(value: unknown, fixedType: WebhookType | undefined, issues: Issue[]) {
  if (fixedType) {
    if (value !== undefined && value !== fixedType) {
      issues.push({ path: "type", message: "cannot change; create a new webhook instead" });
    }
    return fixedType;
  }
  const type = WEBHOOK_TYPES.find((name) => name === value) ?? null;
  const choices = WEBHOOK_TYPES.join(", ");
  if (value === undefined) issues.push({ path: "type", message: `is required: one of ${choices}` });
  else if (!type) issues.push({ path: "type", message: `must be one of ${choices}` });

  return type;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toIssue(issue: z.core.$ZodIssue): Issue {
  return { path: issue.path.map(String).join("."), message: issue.message };
}

export const ZRecoverSchema = z.object({ since: z.iso.datetime({ offset: true }) });

/** Variable names as they appear in `{{ NAME }}`. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export const ZConfigVariableSchema = z.object({
  name: z.string().regex(VARIABLE_NAME, "letters, digits and _, not starting with a digit"),
  value: z.string().max(8192),
});
export type TConfigVariable = z.infer<typeof ZConfigVariableSchema>;

/** A webhook as the API answers with it. */
export interface WebhookView {
  id: string;
  name: string;
  url: string;
  type: WebhookType;
  /** The object the query subscribes to (`Jobs`); null for types without a query. */
  object: string | null;
  headers: Record<string, string>;
  /** False when a user or the delivery engine (e.g. after a 410 Gone) turned it off. */
  enabled: boolean;
  /** **ext**: why and since when the webhook is off; null while enabled. */
  disabledReason: string | null;
  disabledAt: string | null;
  query?: string;
  field?: string;
  offset?: number;
  filter?: string | null;
  cron?: string;
  retryPolicy: z.infer<typeof ZRetryPolicy>;
  createdAt: string;
  updatedAt: string;
}
