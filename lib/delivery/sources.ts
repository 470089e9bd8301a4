import { z } from "zod";

import { getDb, type Db } from "@/lib/db";

import { DeliveryError } from "./errors";
import { DEFAULT_RETRY_POLICY, ZRetryPolicySchema, type TRetryPolicy } from "./retry";
import { sourcesChanged } from "./source-generation";
import { decryptSecret, encryptSecret, isSigningSecret, newSigningSecret } from "./secrets";
import { deliverySettings } from "./settings";

export const SOURCE_KINDS = ["webhook", "triggered_action"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** How long the secret before a rotation keeps signing beside the new one. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

export const ZUpsertSourceSchema = z.object({
  id: z.string().min(1).max(100),
  kind: z.enum(SOURCE_KINDS),
  retryPolicy: ZRetryPolicySchema.optional(),
  concurrency: z.number().int().min(1).max(1000).optional(),
  enabled: z.boolean().optional(),
  /** Only for imports; a new source gets a fresh secret. */
  secret: z.string().refine(isSigningSecret, "must be a whsec_ secret").optional(),
});

export type TUpsertSource = z.input<typeof ZUpsertSourceSchema>;

export interface SourceView {
  id: string;
  kind: SourceKind;
  retryPolicy: TRetryPolicy;
  concurrency: number;
  enabled: boolean;
  disabledAt: Date | null;
  disabledReason: string | null;
  lastSuccessAt: Date | null;
  failingSince: Date | null;
}

type SourceRow = NonNullable<Awaited<ReturnType<Db["deliverySource"]["findUnique"]>>>;

function parseDelays(raw: string): number[] {
  const parsed = z.array(z.number()).safeParse(JSON.parse(raw));

  return parsed.success ? parsed.data : DEFAULT_RETRY_POLICY.delaysSeconds;
}

export function toSourceView(row: SourceRow): SourceView {
  return {
    id: row.id,
    kind: row.kind === "triggered_action" ? "triggered_action" : "webhook",
    retryPolicy: {
      maxAttempts: row.maxAttempts,
      delaysSeconds: parseDelays(row.delaysSeconds),
      timeoutSeconds: row.timeoutSeconds,
    },
    concurrency: row.concurrency,
    enabled: row.enabled,
    disabledAt: row.disabledAt,
    disabledReason: row.disabledReason,
    lastSuccessAt: row.lastSuccessAt,
    failingSince: row.failingSince,
  };
}

/** The secrets that sign now: the current one, and the previous one during its overlap. */
export function signingSecrets(row: SourceRow, now = new Date()): string[] {
  const secrets = [decryptSecret(row.secret)];
  if (row.previousSecret && row.previousExpiresAt && row.previousExpiresAt > now) {
    secrets.push(decryptSecret(row.previousSecret));
  }

  return secrets;
}

/**
 * Registers or updates a hook as a delivery source. Hooks call it whenever
 * they are saved; re-enabling a source clears its disablement and failure run.
 */
export async function upsertDeliverySource(input: TUpsertSource): Promise<SourceView> {
  const parsed = ZUpsertSourceSchema.parse(input);
  const policy = parsed.retryPolicy;
  const settings = {
    ...(policy
      ? {
          maxAttempts: policy.maxAttempts,
          delaysSeconds: JSON.stringify(policy.delaysSeconds),
          timeoutSeconds: policy.timeoutSeconds,
        }
      : {}),
    ...(parsed.concurrency ? { concurrency: parsed.concurrency } : {}),
    ...(parsed.enabled === undefined
      ? {}
      : parsed.enabled
        ? { enabled: true, disabledAt: null, disabledReason: null, failingSince: null }
        : { enabled: false, disabledAt: new Date(), disabledReason: "disabled by a user" }),
  };
  const row = await getDb().deliverySource.upsert({
    where: { id: parsed.id },
    create: {
      id: parsed.id,
      kind: parsed.kind,
      secret: encryptSecret(parsed.secret ?? newSigningSecret()),
      maxAttempts: DEFAULT_RETRY_POLICY.maxAttempts,
      delaysSeconds: JSON.stringify(DEFAULT_RETRY_POLICY.delaysSeconds),
      timeoutSeconds: DEFAULT_RETRY_POLICY.timeoutSeconds,
      concurrency: deliverySettings().hookConcurrency,
      ...settings,
    },
    update: { kind: parsed.kind, ...settings },
  });
  sourcesChanged();

  return toSourceView(row);
}

export async function getDeliverySource(id: string): Promise<SourceView | null> {
  const row = await getDb().deliverySource.findUnique({ where: { id } });

  return row ? toSourceView(row) : null;
}

/** The current `whsec_` secret, for admins. */
export async function getSigningSecret(id: string): Promise<string> {
  const row = await getDb().deliverySource.findUnique({ where: { id } });
  if (!row) throw new DeliveryError("not_found", `delivery source ${id} not found`);

  return decryptSecret(row.secret);
}

/** A new secret; the old one keeps signing beside it for 24 hours. */
export async function rotateSecret(id: string, now = new Date()): Promise<string> {
  const fresh = newSigningSecret();
  await getDb().$transaction(async (tx) => {
    const row = await tx.deliverySource.findUnique({ where: { id } });
    if (!row) throw new DeliveryError("not_found", `delivery source ${id} not found`);
    await tx.deliverySource.update({
      where: { id },
      data: {
        secret: encryptSecret(fresh),
        previousSecret: row.secret,
        previousExpiresAt: new Date(now.getTime() + ROTATION_OVERLAP_MS),
      },
    });
  });
  sourcesChanged();

  return fresh;
}

/** Removes a source with its deliveries and attempts (the hook was deleted). */
export async function removeDeliverySource(id: string): Promise<void> {
  await getDb().deliverySource.deleteMany({ where: { id } });
  sourcesChanged();
}
