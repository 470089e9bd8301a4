import { randomUUID } from "node:crypto";

import { getDb } from "@/lib/db";
import { logger, type Logger } from "@/lib/log";

import { sendAttempt } from "./attempt";
import { claimDue, renewLease, type ClaimedDelivery } from "./claim";
import { httpThread } from "./http-thread";
import type { HttpResult } from "./http";
import { decideOutcome } from "./outcome";
import { deliverySettings, type DeliverySettings } from "./settings";
import { SourceCache, type LoadedSource } from "./source-cache";
import { step, targetState, type DeliveryState } from "./state-machine";
import { writeFinished, type Finished, type Written } from "./transitions";

export interface EngineOptions {
  /**
   * In-flight attempts this engine allows at once. The "global" cap
   * (TRIPLINE_WORKER_CONCURRENCY, default 100) is this number, so it holds
   * per worker process: N worker processes may have N times as many calls
   * out. Only the per-hook cap is counted over every process (claim.ts).
   */
  concurrency: number;
  batchSize: number;
  /**
   * Deliveries claimed beyond `concurrency`, each waiting here for a call
   * slot (default 0). A slot that frees is taken at once by the next one
   * instead of idling until the next claim comes back.
   */
  claimAhead?: number;
  settings?: DeliverySettings;
  /** Called whenever an attempt has been written, so a runner can claim more. */
  onSettled?: (report: AttemptReport) => void;
  /** Called when an HTTP call ends and its slot is free, before its attempt is written. */
  onCapacity?: () => void;
}

/** What one attempt did, as the tick route and the test-fire call report it. */
export interface AttemptReport {
  deliveryId: string;
  sourceId: string;
  attempt: number;
  attemptedAt: string;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  /** The endpoint's answer, cut to 20 KB; null when none came. */
  responseBody: string | null;
  /** The delivery's state after the attempt; `lost` when another worker had taken it over. */
  state: DeliveryState | "lost";
  nextAttemptAt: string | null;
}

interface Queued {
  item: Finished;
  resolve: (written: Written) => void;
  reject: (error: unknown) => void;
}

/** A claimed delivery whose source is gone or disabled is dropped without an attempt. */
const DROP = step("cancel", "processing");

const MAX_COMMIT_GROUP = 500;
const COMMIT_COALESCE_MS = 4;

/**
 * Claims, sends and records. One engine per worker process; its id is the
 * lease owner. Finished attempts are queued and written in groups: one
 * transaction of a few multi-row statements per group, each transition
 * still fenced on its own row (see transitions.ts).
 */
export class DeliveryEngine {
  readonly owner = `worker-${randomUUID()}`;
  /** Claimed and not yet answered: calls out and those waiting for a slot. */
  private sending = 0;
  /** Calls out now: what the concurrency limit is about. */
  private calling = 0;
  /** Claimed deliveries waiting for a call slot, in claim order. */
  private readonly slotWaiters: (() => void)[] = [];
  /** Answered, waiting for their attempt to be written. */
  private unwritten = 0;
  private readonly running = new Set<Promise<unknown>>();
  private queue: Queued[] = [];
  private flushing = false;
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly log: Logger;
  private readonly sources = new SourceCache();

  constructor(private readonly options: EngineOptions) {
    this.log = logger.child({ worker: this.owner });
  }

  get settings(): DeliverySettings {
    return this.options.settings ?? deliverySettings();
  }

  /** How many more deliveries a claim may take now. */
  get available(): number {
    // Writes falling far behind hold sending back, so the queue stays bounded.
    const behind = Math.max(0, this.unwritten - this.options.concurrency);
    const room = this.options.concurrency + (this.options.claimAhead ?? 0);

    return Math.max(0, room - this.sending - behind);
  }

  get busy(): number {
    return this.sending + this.unwritten;
  }

  /** Gets ready to send: starts the HTTP thread now rather than at the first call. */
  prepare(): void {
    if (this.settings.httpThread) httpThread().start();
  }

  /** Claims what is due (up to the batch size and free capacity) and starts sending it. */
  async claimAndStart(): Promise<{
    claimed: number;
    limit: number;
    done: Promise<AttemptReport[]>;
  }> {
    const limit = Math.min(this.options.batchSize, this.available);
    if (limit <= 0) return { claimed: 0, limit, done: Promise.resolve([]) };
    const claimed = await claimDue({
      owner: this.owner,
      limit,
      leaseMarginMs: this.settings.leaseMarginMs,
    });
    const done = this.start(claimed, false);

    return { claimed: claimed.length, limit, done };
  }

  /** Starts attempts for deliveries this engine has already claimed. */
  start(claimed: ClaimedDelivery[], manual: boolean): Promise<AttemptReport[]> {
    if (!claimed.length) return Promise.resolve([]);
    this.sending += claimed.length;
    const claimedAt = Date.now();
    const sources = this.sources.load([...new Set(claimed.map((row) => row.sourceId))]);
    const all = Promise.all(
      claimed.map(async (delivery) => {
        let answered = false;
        // The slot frees when the call ends, not when its attempt is written:
        // a slot held through the group commit idled for most of its time.
        const sent = () => {
          answered = true;
          this.sending -= 1;
          this.unwritten += 1;
          this.options.onCapacity?.();
        };
        try {
          const source = (await sources).get(delivery.sourceId);

          return await this.process(delivery, source, manual, claimedAt, sent);
        } finally {
          if (answered) this.unwritten -= 1;
          else this.sending -= 1;
        }
      }),
    );
    this.running.add(all);
    void all.finally(() => this.running.delete(all)).catch(() => undefined);

    return all;
  }

  /** Resolves once every attempt started so far has been written. */
  async drain(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  /** 1. Check the source, 2. send, 3. decide the next state, 4. write it with the attempt. */
  private async process(
    delivery: ClaimedDelivery,
    source: LoadedSource | undefined,
    manual: boolean,
    claimedAt: number,
    sent: () => void,
  ): Promise<AttemptReport> {
    const attempt = Number(delivery.attempts);
    if (!source || (!source.view.enabled && !manual)) return this.cancel(delivery, attempt);

    if (!(await this.callSlot(delivery, claimedAt))) return this.lost(delivery, attempt, sent);
    const attemptedAt = new Date();
    let result: HttpResult;
    try {
      result = await sendAttempt(delivery, source.sendable, this.settings);
    } finally {
      this.freeCallSlot();
    }
    sent();

    const outcome = decideOutcome(
      result,
      {
        attempt,
        scheduleStart: Number(delivery.scheduleStart),
        noRetry: Boolean(delivery.noRetry),
        source: source.view,
      },
      this.settings,
    );

    // A failed write leaves the lease in place: another claim retries after it expires.
    const written = await this.commit({
      deliveryId: delivery.id,
      sourceId: delivery.sourceId,
      owner: this.owner,
      attempt,
      attemptedAt,
      result,
      outcome,
      sourceWasHealthy: source.view.failingSince === null,
    }).catch((): Written => ({ applied: false, state: null }));
    const report: AttemptReport = {
      deliveryId: delivery.id,
      sourceId: delivery.sourceId,
      attempt,
      attemptedAt: attemptedAt.toISOString(),
      statusCode: result.statusCode,
      durationMs: result.durationMs,
      error: result.error,
      responseBody: result.responseBody,
      state: written.state ?? "lost",
      nextAttemptAt:
        written.state === targetState("retry") && outcome.transition === "retry"
          ? outcome.nextAttemptAt.toISOString()
          : null,
    };
    this.log.info(
      {
        sourceId: delivery.sourceId,
        deliveryId: delivery.id,
        attempt,
        status: result.statusCode,
        durationMs: result.durationMs,
        state: report.state,
        ...(result.error ? { error: result.error } : {}),
      },
      "delivery attempt",
    );
    if (outcome.transition === "fail" && outcome.disableSource && written.applied) {
      this.log.warn(
        { sourceId: delivery.sourceId, reason: outcome.disableSource },
        "source disabled",
      );
    }
    this.options.onSettled?.(report);

    return report;
  }

  /**
   * Waits for a call slot. The lease a claim sets covers the call's timeout
   * plus the margin, so a delivery that waited longer than half the margin
   * renews it before its call, which could otherwise outlast it; false when
   * it could not (another worker has taken the delivery over), and then it
   * is not sent.
   */
  private async callSlot(delivery: ClaimedDelivery, claimedAt: number): Promise<boolean> {
    if (this.calling < this.options.concurrency && !this.slotWaiters.length) {
      this.calling += 1;
      return true;
    }
    // freeCallSlot hands its slot straight to the first waiter.
    await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    const { leaseMarginMs } = this.settings;
    if (Date.now() - claimedAt < leaseMarginMs / 2) return true;
    const renewed = await renewLease(delivery, this.owner, leaseMarginMs).catch(() => false);
    if (!renewed) this.freeCallSlot();

    return renewed;
  }

  private freeCallSlot(): void {
    const next = this.slotWaiters.shift();
    if (next) next();
    else this.calling -= 1;
  }

  /** A delivery that was taken over while it waited for a slot: nothing was sent. */
  private lost(delivery: ClaimedDelivery, attempt: number, sent: () => void): AttemptReport {
    sent();
    const report: AttemptReport = {
      deliveryId: delivery.id,
      sourceId: delivery.sourceId,
      attempt,
      attemptedAt: new Date().toISOString(),
      statusCode: null,
      durationMs: 0,
      error: "taken over by another worker before it was sent",
      responseBody: null,
      state: "lost",
      nextAttemptAt: null,
    };
    this.options.onSettled?.(report);

    return report;
  }

  /** The `cancel` transition for a delivery whose source is gone or disabled. */
  private async cancel(delivery: ClaimedDelivery, attempt: number): Promise<AttemptReport> {
    const now = new Date();
    const { count } = await getDb().delivery.updateMany({
      where: { id: delivery.id, state: DROP.from, leaseOwner: this.owner, attempts: attempt },
      data: {
        state: DROP.to,
        // The claim counted an attempt that was never made.
        attempts: attempt - 1,
        leaseOwner: null,
        leaseUntilMs: null,
        completedAt: now,
      },
    });
    const report: AttemptReport = {
      deliveryId: delivery.id,
      sourceId: delivery.sourceId,
      attempt,
      attemptedAt: now.toISOString(),
      statusCode: null,
      durationMs: 0,
      error: "source disabled or removed",
      responseBody: null,
      state: count ? DROP.to : "lost",
      nextAttemptAt: null,
    };
    this.options.onSettled?.(report);

    return report;
  }

  /**
   * Queues a finished attempt. The write waits up to COMMIT_COALESCE_MS for
   * others unless no call is still out: without the wait each
   * write carried one attempt, and its fixed cost capped the engine near
   * 1,000 attempts per second on SQLite.
   */
  private commit(item: Finished): Promise<Written> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.flushing) return;
      if (this.sending === 0 || this.queue.length >= MAX_COMMIT_GROUP) {
        clearTimeout(this.flushTimer);
        this.flushTimer = undefined;
        void this.flush();
      } else {
        this.flushTimer ??= setTimeout(() => {
          this.flushTimer = undefined;
          void this.flush();
        }, COMMIT_COALESCE_MS);
      }
    });
  }

  /** Group commit: whatever finished while the last write ran goes into the next one. */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.flushing = true;
    try {
      while (this.queue.length) {
        const group = this.queue.splice(0, MAX_COMMIT_GROUP);
        try {
          const written = await writeFinished(group.map((entry) => entry.item));
          group.forEach((entry, index) =>
            entry.resolve(written[index] ?? { applied: false, state: null }),
          );
        } catch (error) {
          // The deliveries keep their leases; when those expire another
          // claim takes them over, as after a crash.
          this.log.error({ err: error, count: group.length }, "could not record attempts");
          group.forEach((entry) => entry.reject(error));
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
