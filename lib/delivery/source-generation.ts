const globalForSources = globalThis as { triplineSourceGeneration?: number };

/** Bumped whenever this process changes a source, so engines drop what they cached. */
export function sourcesChanged(): void {
  globalForSources.triplineSourceGeneration = sourceGeneration() + 1;
}

export function sourceGeneration(): number {
  return globalForSources.triplineSourceGeneration ?? 0;
}
