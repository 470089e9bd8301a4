import { getDb } from "@/lib/db";

import type { SendableSource } from "./attempt";
import { sourceGeneration } from "./source-generation";
import { signingSecrets, toSourceView, type SourceView } from "./sources";

export type LoadedSource = { view: SourceView; sendable: SendableSource };

/**
 * How long an engine reuses a source it has read. At a steady trickle every
 * claim is a batch of one, and reading (and decrypting) its source each time
 * cost as much as the claim. A change made in this process clears the cache
 * at once (sourcesChanged).
 * LIMITATION: a change made by another process reaches this engine up to
 * TTL_MS later: a send in that window signs with the secrets it read (the
 * old one stays valid through a rotation) and uses the old retry policy.
 * Disabled sources are safe either way: claims skip them in SQL.
 */
const TTL_MS = 250;

export class SourceCache {
  private readonly entries = new Map<string, { source: LoadedSource; at: number }>();
  private generation = sourceGeneration();

  async load(ids: readonly string[]): Promise<Map<string, LoadedSource>> {
    if (this.generation !== sourceGeneration()) {
      this.entries.clear();
      this.generation = sourceGeneration();
    }
    const now = Date.now();
    const stale = ids.filter((id) => (this.entries.get(id)?.at ?? -Infinity) + TTL_MS <= now);
    if (stale.length) {
      // A source that is gone is dropped, so its deliveries are cancelled.
      for (const id of stale) this.entries.delete(id);
      const rows = await getDb().deliverySource.findMany({ where: { id: { in: stale } } });
      for (const row of rows) {
        const view = toSourceView(row);
        const sendable = {
          id: row.id,
          kind: view.kind,
          secrets: signingSecrets(row),
          timeoutSeconds: row.timeoutSeconds,
        };
        this.entries.set(row.id, { source: { view, sendable }, at: now });
      }
    }
    const found = new Map<string, LoadedSource>();
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry) found.set(id, entry.source);
    }

    return found;
  }
}
