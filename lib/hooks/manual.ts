import { ApiError } from "@/lib/api/errors";
import { getDb } from "@/lib/db";
import {
  DeliveryError,
  getSigningSecret,
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
  return error instanceof DeliveryError ? new ApiError(error.kind, error.message) : error;
}

/** **ext** `POST /webhooks/{id}/test`: a sample payload now; answers with the attempt. */
export async function testWebhook(id: string): Promise<AttemptReport> {
  const row = await requireWebhook(id);
  return viaDelivery(() => testFire(id, { url: row.url, headers: parseHeaders(row.headers) }));
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
