import { threadId } from "node:worker_threads";

/**
 * One thread at a time on the SQLite database, across the threads of a
 * process.
 *
 * The delivery worker runs on a thread of its own with its own connection
 * (lib/worker/thread.ts). Two connections that write at once make SQLite
 * answer "busy" to one of them, which then sleeps for 1, 2, 5, 10 ms and
 * more before it tries again, however soon the other finished: under load
 * those sleeps cost more than the work. So each connection's turn to
 * write (serial-sqlite.ts) also takes this lock, which wakes the next thread
 * the moment it is free; reads, which WAL never makes wait, do not. A thread
 * that has just held it and sees another waiting lets that one go first, so
 * neither thread starves.
 *
 * The lock is a few integers in shared memory: a thread that starts another
 * which uses the database hands it `sqliteLockMemory()`, and the new thread
 * calls `shareSqliteLock` before its first statement. Other processes are
 * not covered; they meet SQLite's own busy wait as before.
 */

/** [0]: the holder's thread id + 1, or 0; [1]: threads waiting; [2]: the last holder's id + 1. */
const HOLDER = 0;
const WAITING = 1;
const LAST = 2;

/** How long one wait lasts before the lock is looked at again. */
const WAIT_SLICE_MS = 50;
/** How long a thread that just held the lock holds back for a waiting one. */
const YIELD_MS = 5;

const me = threadId + 1;

const globalForLock = globalThis as { triplineSqliteLock?: Int32Array };

function lock(): Int32Array {
  globalForLock.triplineSqliteLock ??= new Int32Array(new SharedArrayBuffer(3 * 4));

  return globalForLock.triplineSqliteLock;
}

/** The lock's memory, for a thread this one starts. */
export function sqliteLockMemory(): SharedArrayBuffer {
  return lock().buffer as SharedArrayBuffer;
}

/** Uses the lock of the thread that started this one. */
export function shareSqliteLock(memory: SharedArrayBuffer): void {
  globalForLock.triplineSqliteLock = new Int32Array(memory);
}

type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
  timeoutMs: number,
) => { async: boolean; value: Promise<string> | string };

/** Until `array[index]` is no longer `value`, or `ms` have passed, without blocking the thread. */
async function whileIs(array: Int32Array, index: number, value: number, ms: number) {
  const waited = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync(
    array,
    index,
    value,
    ms,
  );
  if (waited.async) await waited.value;
}

/** Takes the lock; the function returned gives it back (once). */
export async function takeSqliteLock(): Promise<() => void> {
  const shared = lock();
  if (Atomics.load(shared, WAITING) > 0 && Atomics.load(shared, LAST) === me) {
    await whileIs(shared, LAST, me, YIELD_MS);
  }
  while (Atomics.compareExchange(shared, HOLDER, 0, me) !== 0) {
    Atomics.add(shared, WAITING, 1);
    try {
      const holder = Atomics.load(shared, HOLDER);
      if (holder !== 0) await whileIs(shared, HOLDER, holder, WAIT_SLICE_MS);
    } finally {
      Atomics.sub(shared, WAITING, 1);
    }
  }
  Atomics.store(shared, LAST, me);
  Atomics.notify(shared, LAST);
  let held = true;

  return () => {
    if (!held) return;
    held = false;
    Atomics.store(shared, HOLDER, 0);
    Atomics.notify(shared, HOLDER);
  };
}

/** Frees the lock if a thread that has ended (by `threadId`) held it. */
export function freeSqliteLockOf(endedThreadId: number): void {
  const shared = lock();
  if (Atomics.compareExchange(shared, HOLDER, endedThreadId + 1, 0) === endedThreadId + 1) {
    Atomics.notify(shared, HOLDER);
  }
}
