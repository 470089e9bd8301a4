import { hearOtherThreads, tellOtherThreads } from "./thread-news";

const globalForSources = globalThis as { triplineSourceGeneration?: number };

function bump(): void {
  globalForSources.triplineSourceGeneration = sourceGeneration() + 1;
}

/** Bumped whenever this process changes a source, so engines drop what they cached. */
export function sourcesChanged(): void {
  bump();
  tellOtherThreads("sources-changed");
}

export function sourceGeneration(): number {
  return globalForSources.triplineSourceGeneration ?? 0;
}

hearOtherThreads("sources", (news) => {
  if (news === "sources-changed") bump();
});
