import { z } from "zod";

import { getDb } from "@/lib/db";

import { isDeliveryState, type DeliveryState } from "./state-machine";

/** Query parameters of `GET /triggered_actions/logs` (lens-api.md §6). */
export const ZListLogsSchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  sourceId: z.string().min(1).optional(),
  isWebhook: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  updatedFrom: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .optional(),
  updatedTo: z.iso
    .datetime({ offset: true })
    .transform((value) => new Date(value))
    .optional(),
  order: z.enum(["asc", "desc"]).default("desc"),
});

export type TListLogs = z.output<typeof ZListLogsSchema>;

export interface AttemptLog {
  attempt: number;
  attempted: string;
  status: number | null;
  durationMs: number;
  error: string | null;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
}

/** The statuses lens-api.md §6 lists; a cancelled delivery is reported as an error. */
export type LogStatus = "pending" | "processing" | "success" | "error";

export interface DeliveryLog {
  id: string;
  sourceId: string;
  isWebhook: boolean;
  status: LogStatus;
  /** **ext**: the delivery's own state, which also tells a cancelled delivery apart. */
  state: DeliveryState;
  requestId: string;
  created: string;
  startAfter: string;
  started: string | null;
  completed: string | null;
  updated: string;
  data: { url: string; body: string; headers: Record<string, string> };
  attempts: AttemptLog[];
}

export const REDACTED = "[redacted]";

/** Every state's §6 status; the checker makes a new state pick one. */
const LOG_STATUS: Record<DeliveryState, LogStatus> = {
  pending: "pending",
  processing: "processing",
  success: "success",
  error: "error",
  cancelled: "error",
};

function parseObject(raw: string | null): Record<string, string> | null {
  if (raw === null) return null;
  const parsed = z.record(z.string(), z.string()).safeParse(JSON.parse(raw));

  return parsed.success ? parsed.data : {};
}

/**
 * Delivery logs, newest first unless `order=asc`. Viewers get configured
 * header values redacted: they may carry credentials for the endpoint.
 */
export async function listDeliveryLogs(
  query: TListLogs,
  options: { redact: boolean },
): Promise<{ paging: { total: number; limit: number; offset: number }; result: DeliveryLog[] }> {
  const where = {
    ...(query.sourceId ? { sourceId: query.sourceId } : {}),
    ...(query.isWebhook === undefined
      ? {}
      : { source: { kind: query.isWebhook ? "webhook" : "triggered_action" } }),
    ...(query.updatedFrom || query.updatedTo
      ? {
          updatedAt: {
            ...(query.updatedFrom ? { gte: query.updatedFrom } : {}),
            ...(query.updatedTo ? { lte: query.updatedTo } : {}),
          },
        }
      : {}),
  };
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.delivery.count({ where }),
    db.delivery.findMany({
      where,
      orderBy: [{ updatedAt: query.order }, { id: query.order }],
      skip: query.offset,
      take: query.limit,
      include: { source: { select: { kind: true } }, attemptRows: { orderBy: { number: "asc" } } },
    }),
  ]);

  return {
    paging: { total, limit: query.limit, offset: query.offset },
    result: rows.map((row) => {
      const headers = parseObject(row.headers) ?? {};

      return {
        id: row.id,
        sourceId: row.sourceId,
        isWebhook: row.source.kind === "webhook",
        status: isDeliveryState(row.state) ? LOG_STATUS[row.state] : "error",
        state: isDeliveryState(row.state) ? row.state : "error",
        requestId: row.requestId,
        created: row.createdAt.toISOString(),
        startAfter: row.nextAttemptAt.toISOString(),
        started: row.startedAt?.toISOString() ?? null,
        completed: row.completedAt?.toISOString() ?? null,
        updated: row.updatedAt.toISOString(),
        data: {
          url: row.url,
          body: row.body,
          headers: options.redact
            ? Object.fromEntries(Object.keys(headers).map((name) => [name, REDACTED]))
            : headers,
        },
        attempts: row.attemptRows.map((attempt) => ({
          attempt: attempt.number,
          attempted: attempt.attemptedAt.toISOString(),
          status: attempt.statusCode,
          durationMs: attempt.durationMs,
          error: attempt.error,
          responseHeaders: parseObject(attempt.responseHeaders),
          responseBody: attempt.responseBody,
        })),
      };
    }),
  };
}
