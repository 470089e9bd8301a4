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

  /** `now` is the clock the cache ages its entries by. */
  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The sources of `ids` that exist. Each call answers from what it found
   * fresh when it began and what it read itself: another call may drop or
   * replace entries while this one waits for its read.
   */
  async load(ids: readonly string[]): Promise<Map<string, LoadedSource>> {
    const generation = sourceGeneration();
    if (this.generation !== generation) {
      this.entries.clear();
      this.generation = generation;
    }
    const now = this.now();
    const found = new Map<string, LoadedSource>();
    const stale: string[] = [];
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry && entry.at + TTL_MS > now) found.set(id, entry.source);
      else stale.push(id);
    }
    if (!stale.length) return found;

    const rows = await getDb().deliverySource.findMany({ where: { id: { in: stale } } });
    // A change made meanwhile clears the cache: what was read may predate it.
    const keep = sourceGeneration() === generation;
    for (const row of rows) {
      const view = toSourceView(row);
      const sendable = {
        id: row.id,
        kind: view.kind,
        secrets: signingSecrets(row),
        timeoutSeconds: row.timeoutSeconds,
      };
      found.set(row.id, { view, sendable });
      if (keep) this.entries.set(row.id, { source: { view, sendable }, at: now });
    }
    // A source that is gone is forgotten, and its deliveries are cancelled.
    for (const id of stale) if (!found.has(id)) this.entries.delete(id);

    return found;
  }
}
