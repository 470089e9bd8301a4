import { EventEmitter } from "node:events";

// Kept on globalThis so that every copy of this module in one process (dev
// reloads, separate bundles) shares one emitter.
const globalForSignal = globalThis as { triplineCommitSignal?: EventEmitter };
const signal = (globalForSignal.triplineCommitSignal ??= new EventEmitter().setMaxListeners(0));

/**
 * Calls `listener` after each write transaction in this process commits, so
 * readers of change events (the webhook dispatcher) can wake at once instead
 * of waiting for their poll. Returns the function that unsubscribes.
 */
export function onChangesCommitted(listener: () => void): () => void {
  signal.on("committed", listener);

  return () => signal.off("committed", listener);
}

export function signalChangesCommitted(): void {
  signal.emit("committed");
}
