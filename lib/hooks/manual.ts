import { ApiError } from "@/lib/api/errors";
import { getDb } from "@/lib/db";
import {
  DeliveryError,
  getSigningSecret,
  listDeliveryLogs,
  recoverDeliveries,
  rotateSecret,
  testFire,
  type AttemptReport,
} from "@/lib/delivery";

import { parseHeaders } from "./webhook-row";

async function requireWebhook(id: string) {
  const row = await getDb().webhook.findUnique({ where: { id } });
  if (!row) throw ApiError.notFound(`webhook ${id}`);

  return row;
}

function fromDelivery(error: unknown): unknown {
  return error instanceof DeliveryError ? ApiError.of(error.kind, error.message) : error;
}

/**
 * A test fire's answer: the attempt in the shape the logs API (§6) gives
 * attempts, with the delivery it belongs to and that delivery's state.
 */
export interface TestAttempt {
  deliveryId: string;
  state: AttemptReport["state"];
  attempt: number;
  attempted: string;
  status: number | null;
  durationMs: number;
  error: string | null;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
}

/** **ext** `POST /webhooks/{id}/test`: a sample payload now; answers with the attempt. */
export async function testWebhook(id: string): Promise<TestAttempt> {
  const row = await requireWebhook(id);
  const report = await viaDelivery(() =>
    testFire(id, { url: row.url, headers: parseHeaders(row.headers) }),
  );

  return {
    deliveryId: report.deliveryId,
    state: report.state,
    attempt: report.attempt,
    attempted: report.attemptedAt,
    status: report.statusCode,
    durationMs: report.durationMs,
    error: report.error,
    responseHeaders: await loggedResponseHeaders(id, report),
    responseBody: report.responseBody,
  };
}

/**
 * The report carries no response headers; the attempt's log row does. The
 * delivery was updated a moment ago, so it is among the source's newest.
 */
async function loggedResponseHeaders(sourceId: string, report: AttemptReport) {
  const { result } = await listDeliveryLogs(
    { sourceId, offset: 0, limit: 20, order: "desc" },
    { redact: true },
  );
  const log = result.find((entry) => entry.id === report.deliveryId);

  return log?.attempts.find((entry) => entry.attempt === report.attempt)?.responseHeaders ?? null;
}

/** Runs a delivery-engine call, answering its errors as API errors. */
async function viaDelivery<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw fromDelivery(error);
  }
}

export async function webhookSecret(id: string): Promise<{ key: string }> {
  await requireWebhook(id);

  return { key: await viaDelivery(() => getSigningSecret(id)) };
}

export async function rotateWebhookSecret(id: string): Promise<{ key: string }> {
  await requireWebhook(id);

  return { key: await viaDelivery(() => rotateSecret(id)) };
}

export async function recoverWebhook(id: string, since: Date): Promise<{ count: number }> {
  await requireWebhook(id);

  return { count: await viaDelivery(() => recoverDeliveries(id, since)) };
}
