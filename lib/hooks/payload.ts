import { execute, type ExecutionResult } from "graphql";

import type { Tx } from "@/lib/delivery";
import { webhookSchema, type WebhookSubscription } from "@/lib/lens";
import type { LensContext } from "@/lib/lens/graphql/context";
import type { RecordLoaders } from "@/lib/lens/read/loaders";

/** What the root field of a subscription resolves to for one firing. */
export type RootValue = Record<string, unknown>;

/**
 * Runs the webhook's own query against one firing: the body is exactly the
 * subscription's execution result. Lookups (`Region { Name }`) go through
 * the loaders, so they read the database as it is now, inside `tx`.
 */
export async function buildPayload(
  subscription: WebhookSubscription,
  rootValue: RootValue,
  tx: Tx,
  loaders: RecordLoaders,
  now: Date,
): Promise<string> {
  const contextValue: LensContext = { reads: { tx, loaders }, now };
  const result: ExecutionResult = await execute({
    schema: webhookSchema(subscription.kind),
    document: subscription.document,
    rootValue: { [subscription.field.name.value]: rootValue },
    contextValue,
  });

  return JSON.stringify(
    result.errors
      ? { data: result.data ?? null, errors: result.errors.map((error) => error.toJSON()) }
      : { data: result.data ?? null },
  );
}
