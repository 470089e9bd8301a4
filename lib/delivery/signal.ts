import { EventEmitter } from "node:events";

import pg from "pg";

import { getConfig } from "@/lib/config";
import { logger } from "@/lib/log";

import { hearOtherThreads, tellOtherThreads } from "./thread-news";

/**
 * Wakes workers when deliveries are enqueued: an in-process event for a
 * worker in the same process (on any of its threads), PostgreSQL
 * LISTEN/NOTIFY for workers in other processes (NOTIFY sent inside a
 * transaction is delivered on commit, so a worker never wakes for a row it
 * cannot see yet). Polling stays as the fallback for everything else, such
 * as SQLite across processes.
 */
export const NOTIFY_CHANNEL = "tripline_delivery";

const globalForSignal = globalThis as { triplineDeliverySignal?: EventEmitter };
const emitter = (globalForSignal.triplineDeliverySignal ??= new EventEmitter().setMaxListeners(0));

/** Tells workers in this process that deliveries are due now. */
export function notifyDeliveries(): void {
  emitter.emit("due");
  tellOtherThreads("deliveries-due");
}

// A worker on another thread of this process (lib/worker/thread.ts) hears it too.
hearOtherThreads("signal", (news) => {
  if (news === "deliveries-due") emitter.emit("due");
});

export interface Subscription {
  close(): Promise<void>;
}

/** Calls `onDue` whenever deliveries may have become due. */
export function subscribeToDeliveries(onDue: () => void): Subscription {
  emitter.on("due", onDue);
  const database = getConfig().database;
  const listener = database.kind === "postgresql" ? listen(database.url, onDue) : null;

  return {
    async close() {
      emitter.off("due", onDue);
      await listener?.close();
    },
  };
}

/** A dedicated connection that LISTENs, and reconnects after a drop. */
function listen(url: string, onDue: () => void): Subscription {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", onDue);
    next.on("error", (error) => {
      logger.warn({ err: error }, "delivery listener lost its connection");
      void next.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => void connect(), 1000);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${NOTIFY_CHANNEL}`);
      if (closed) {
        await next.end();
        return;
      }
      client = next;
      // Rows enqueued while the connection was down were missed: look now.
      onDue();
    } catch (error) {
      logger.warn({ err: error }, "delivery listener could not connect");
      await next.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => void connect(), 1000);
    }
  };
  void connect();

  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
