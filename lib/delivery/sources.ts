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

/**
 * How many replaced secrets sign beside the current one at most. Each adds a
 * signature to every call; past this many rotations within 24 hours the
 * oldest ones stop signing early rather than the header growing without end.
 */
export const MAX_PREVIOUS_SECRETS = 10;

/** A secret replaced by a rotation (still encrypted) and when it stops signing. */
interface PreviousSecret {
  secret: string;
  expiresAt: Date;
}

const ZPreviousSecrets = z.array(
  z.object({ secret: z.string(), expiresAt: z.union([z.string(), z.number()]) }),
);

/** The replaced secrets still inside their overlap, newest first. */
function previousSecrets(row: SourceRow, now: Date): PreviousSecret[] {
  const parsed = ZPreviousSecrets.safeParse(JSON.parse(row.previousSecrets));
  if (!parsed.success) return [];

  return parsed.data
    .map((entry) => ({ secret: entry.secret, expiresAt: new Date(entry.expiresAt) }))
    .filter((entry) => entry.expiresAt > now)
    .sort((a, b) => b.expiresAt.getTime() - a.expiresAt.getTime());
}

/** The secrets that sign now: the current one, then every replaced one during its overlap. */
export function signingSecrets(row: SourceRow, now = new Date()): string[] {
  return [row.secret, ...previousSecrets(row, now).map((entry) => entry.secret)].map(decryptSecret);
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

/**
 * A new secret. The one it replaces keeps signing beside it for 24 hours,
 * and so does every secret an earlier rotation replaced until its own 24
 * hours are up. The update is fenced on the secret it read, so two
 * rotations at once cannot drop each other's old secret.
 */
export async function rotateSecret(id: string, now = new Date()): Promise<string> {
  const fresh = newSigningSecret();
  const row = await getDb().deliverySource.findUnique({ where: { id } });
  if (!row) throw new DeliveryError("not_found", `delivery source ${id} not found`);
  const kept = [
    { secret: row.secret, expiresAt: new Date(now.getTime() + ROTATION_OVERLAP_MS) },
    ...previousSecrets(row, now),
  ].slice(0, MAX_PREVIOUS_SECRETS);
  const { count } = await getDb().deliverySource.updateMany({
    where: { id, secret: row.secret },
    data: {
      secret: encryptSecret(fresh),
      previousSecrets: JSON.stringify(
        kept.map((entry) => ({ secret: entry.secret, expiresAt: entry.expiresAt.toISOString() })),
      ),
    },
  });
  if (!count) throw new DeliveryError("conflict", "the secret was rotated at the same time");
  sourcesChanged();

  return fresh;
}

/** Removes a source with its deliveries and attempts (the hook was deleted). */
export async function removeDeliverySource(id: string): Promise<void> {
  await getDb().deliverySource.deleteMany({ where: { id } });
  sourcesChanged();
}
