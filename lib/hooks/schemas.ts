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

const shared = {
  name: z.string().trim().min(1, "must not be empty").max(MAX_NAME_LENGTH),
  url: z.string().trim().min(1, "must not be empty").max(MAX_URL_LENGTH),
  headers: z.record(z.string(), z.string()).optional(),
  enabled: z.boolean().optional(),
  retryPolicy: ZRetryPolicy.nullable().optional(),
};

const ZQuery = z.string().min(1, "must not be empty").max(100_000);

export const ZNewWebhookSchema = z.discriminatedUnion("type", [
  z.object({ ...shared, type: z.literal("graphql"), query: ZQuery }),
  z.object({
    ...shared,
    type: z.literal("graphql_deferred"),
    query: ZQuery,
    field: z.string().min(1),
    offset: z.number().int("must be an integer (milliseconds)"),
    filter: z.string().max(10_000).nullable().optional(),
  }),
  z.object({ ...shared, type: z.literal("scheduled"), cron: z.string().min(1) }),
  z.object({ ...shared, type: z.literal("inbound_sms") }),
]);
export type TNewWebhook = z.infer<typeof ZNewWebhookSchema>;

/** **ext** PATCH: any field but `type`, which cannot change. */
export const ZPatchWebhookSchema = z.object({
  ...shared,
  name: shared.name.optional(),
  url: shared.url.optional(),
  type: z.enum(WEBHOOK_TYPES).optional(),
  query: ZQuery.optional(),
  field: z.string().min(1).optional(),
  offset: z.number().int("must be an integer (milliseconds)").optional(),
  filter: z.string().max(10_000).nullable().optional(),
  cron: z.string().min(1).optional(),
});
export type TPatchWebhook = z.infer<typeof ZPatchWebhookSchema>;

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
  headers: Record<string, string>;
  enabled: boolean;
  query?: string;
  field?: string;
  offset?: number;
  filter?: string | null;
  cron?: string;
  retryPolicy: z.infer<typeof ZRetryPolicy>;
  createdAt: string;
  updatedAt: string;
}
