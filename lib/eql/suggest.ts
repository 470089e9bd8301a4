/**
 * "Did you mean" for unknown names: the candidate closest by edit distance
 * (a swap of two neighbours counts as one edit), provided it is close enough
 * to be a plausible typo. A difference of case alone always qualifies.
 */
export function nearestName(name: string, candidates: readonly string[]): string | null {
  const lower = name.toLowerCase();
  const sameLetters = candidates.find((candidate) => candidate.toLowerCase() === lower);
  if (sameLetters !== undefined) return sameLetters;

  const limit = Math.max(1, Math.floor(name.length / 4));
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }

  return best;
}

/** Optimal string alignment distance; gives up early once it must exceed `ceiling`. */
export function editDistance(a: string, b: string, ceiling = Infinity): number {
  if (Math.abs(a.length - b.length) >= ceiling) return ceiling;
  let twoBack: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? Infinity) + 1,
        (current[j - 1] ?? Infinity) + 1,
        (previous[j - 1] ?? Infinity) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (twoBack[j - 2] ?? Infinity) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= ceiling) return ceiling;
    twoBack = previous;
    previous = current;
  }

  return previous[b.length] ?? ceiling;
}

/** `; did you mean 'X'?` or nothing. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const nearest = nearestName(name, candidates);

  return nearest === null ? "" : `; did you mean '${nearest}'?`;
}
