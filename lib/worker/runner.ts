import {
  closeHttpPools,
  closeHttpThread,
  deleteExpired,
  DeliveryEngine,
  subscribeToDeliveries,
  type AttemptReport,
  type Subscription,
} from "@/lib/delivery";
import { getConfig, type Config, type WorkerConfig } from "@/lib/config";
import { logger, type Logger } from "@/lib/log";

export interface WorkerOptions extends Pick<WorkerConfig, "concurrency" | "batchSize" | "pollMs"> {
  retentionMs: number;
  /** How often retention runs; the first run waits one interval too. */
  retentionEveryMs?: number;
}

export function workerOptionsFromConfig(config: Config = getConfig()): WorkerOptions {
  const { worker, delivery } = config;

  return { ...worker, retentionMs: delivery.retentionMs };
}

/** Settled attempts are gathered this long before the next claim, so one claim serves many. */
const SETTLE_COALESCE_MS = 2;

/**
 * Drives a DeliveryEngine: claims when told that deliveries are due (an
 * in-process event, PostgreSQL NOTIFY), when a retry it scheduled comes due,
 * when capacity frees up while work remains, and on a poll as the fallback.
 * One claim runs at a time; a wake during a claim makes it claim again.
 */
export class DeliveryWorker {
  readonly engine: DeliveryEngine;
  private readonly log: Logger;
  private subscription: Subscription | null = null;
  private pollTimer: NodeJS.Timeout | undefined;
  private retentionTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryAt = Number.POSITIVE_INFINITY;
  private settleTimer: NodeJS.Timeout | undefined;
  private claiming: Promise<void> | null = null;
  private again = false;
  /** The last claim filled its limit: more is probably due once capacity frees. */
  private backlog = false;
  private stopped = false;

  constructor(private readonly options: WorkerOptions = workerOptionsFromConfig()) {
    this.engine = new DeliveryEngine({
      concurrency: options.concurrency,
      batchSize: options.batchSize,
      // Half a batch claimed ahead: a call slot that frees is refilled at
      // once rather than idling until the next claim returns.
      claimAhead: Math.min(options.concurrency, Math.ceil(options.batchSize / 2)),
      onSettled: (report) => this.settled(report),
      onCapacity: () => this.freed(),
    });
    this.log = logger.child({ worker: this.engine.owner });
  }

  start(): void {
    this.engine.prepare();
    this.subscription = subscribeToDeliveries(() => this.wake());
    this.pollTimer = setInterval(() => this.wake(), this.options.pollMs);
    const every = this.options.retentionEveryMs ?? 10 * 60_000;
    this.retentionTimer = setInterval(() => void this.retention(), every);
    this.pollTimer.unref();
    this.retentionTimer.unref();
    this.log.info(
      { concurrency: this.options.concurrency, batchSize: this.options.batchSize },
      "delivery worker started",
    );
    this.wake();
  }

  /** Stops claiming, lets attempts in flight finish and be written, then lets go of connections. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearInterval(this.retentionTimer);
    clearTimeout(this.retryTimer);
    clearTimeout(this.settleTimer);
    await this.subscription?.close();
    await this.claiming;
    await this.engine.drain();
    await Promise.all([closeHttpPools(), closeHttpThread()]);
    this.log.info({}, "delivery worker stopped");
  }

  wake(): void {
    if (this.stopped) return;
    if (this.claiming) {
      this.again = true;
      return;
    }
    this.claiming = this.claimLoop().finally(() => {
      this.claiming = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async claimLoop(): Promise<void> {
    try {
      while (!this.stopped && this.engine.available >= this.minimumClaim()) {
        const { claimed, limit, done } = await this.engine.claimAndStart();
        done.catch((error: unknown) => this.log.error({ err: error }, "attempts failed"));
        this.backlog = claimed === limit;
        if (claimed < limit) break;
      }
    } catch (error) {
      this.log.error({ err: error }, "claim failed");
    }
  }

  /**
   * With a backlog, claim once a quarter of a batch is free: every claim is
   * one statement whatever its size, and claiming each freed slot alone
   * spent more time claiming than sending. With no backlog any free slot
   * claims, so a new delivery waits for nothing.
   */
  private minimumClaim(): number {
    if (!this.backlog) return 1;

    return Math.max(1, Math.min(Math.ceil(this.options.batchSize / 4), this.options.concurrency));
  }

  /**
   * An attempt was written, so its hook's slot is free in the database too.
   * Claim again even without a backlog: a claim that came back short because
   * hooks were at their cap (their answered attempts not yet written) would
   * otherwise wait for the poll while those hooks still have work due.
   */
  private settled(report: AttemptReport): void {
    if (report.nextAttemptAt) this.wakeAt(Date.parse(report.nextAttemptAt));
    this.claimSoon();
  }

  /** A call ended: with work waiting, claim again once a few more have. */
  private freed(): void {
    if (this.backlog) this.claimSoon();
  }

  private claimSoon(): void {
    if (this.stopped || this.settleTimer) return;
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      this.wake();
    }, SETTLE_COALESCE_MS);
  }

  /** A retry this worker scheduled before the next poll: wake for it exactly. */
  private wakeAt(time: number): void {
    if (this.stopped || time >= this.retryAt) return;
    if (time - Date.now() > this.options.pollMs) return;
    clearTimeout(this.retryTimer);
    this.retryAt = time;
    this.retryTimer = setTimeout(
      () => {
        this.retryAt = Number.POSITIVE_INFINITY;
        this.wake();
      },
      Math.max(0, time - Date.now()),
    );
  }

  async retention(): Promise<void> {
    try {
      const removed = await deleteExpired(this.options.retentionMs);
      if (removed.deliveries) this.log.info(removed, "old deliveries removed");
    } catch (error) {
      this.log.error({ err: error }, "retention failed");
    }
  }
}
