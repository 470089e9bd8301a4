/**
 * LIKE patterns: `%` matches any run of characters, `_` exactly one, and a
 * backslash makes the next character literal (`'100\\%'` matches the text
 * `100%`). The pattern must match the whole value, ignoring case.
 */
export type LikeItem =
  | { readonly kind: "char"; readonly char: string }
  | { readonly kind: "one" }
  | { readonly kind: "any" };

export type LikePattern = readonly LikeItem[];

/** Splits a pattern into code points and wildcards; runs of `%` collapse into one. */
export function parseLikePattern(pattern: string): LikePattern {
  const items: LikeItem[] = [];
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? "";
    if (char === "\\") {
      // A backslash at the very end has nothing to escape and stands for itself.
      const next = chars[i + 1];
      items.push({ kind: "char", char: next ?? "\\" });
      i += 1;
    } else if (char === "%") {
      if (items.at(-1)?.kind !== "any") items.push({ kind: "any" });
    } else if (char === "_") {
      items.push({ kind: "one" });
    } else {
      items.push({ kind: "char", char });
    }
  }

  return items;
}
