import { BroadcastChannel } from "node:worker_threads";

/**
 * News between the threads of one process: deliveries enqueued, a source
 * or a configuration variable changed. The delivery worker may run on a
 * thread of its own (lib/worker/thread.ts) while the API and the
 * dispatcher change things on the main thread; each thread keeps its own
 * caches and its own in-process signal, so each change is told to the
 * others here. A BroadcastChannel reaches every other thread of the
 * process, never the one that posts.
 */
export type News = "deliveries-due" | "sources-changed" | "variables-changed";

const CHANNEL = "tripline-delivery-news";

type Listener = (news: News) => void;

interface NewsRoom {
  channel: BroadcastChannel;
  /** By name, so a module evaluated again (a dev reload) replaces its listener. */
  listeners: Map<string, Listener>;
}

const globalForNews = globalThis as { triplineNews?: NewsRoom };

function room(): NewsRoom {
  if (globalForNews.triplineNews) return globalForNews.triplineNews;
  const channel = new BroadcastChannel(CHANNEL);
  const listeners = new Map<string, Listener>();
  channel.onmessage = (event: unknown) => {
    const news = (event as { data: News }).data;
    for (const listener of listeners.values()) listener(news);
  };
  // Listening must not keep a process (or a thread) alive.
  channel.unref();
  globalForNews.triplineNews = { channel, listeners };

  return globalForNews.triplineNews;
}

/** Tells the process's other threads. */
export function tellOtherThreads(news: News): void {
  room().channel.postMessage(news);
}

/** Calls `listener` with each piece of news another thread tells; `name` identifies it. */
export function hearOtherThreads(name: string, listener: Listener): void {
  room().listeners.set(name, listener);
}
