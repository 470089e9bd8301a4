import { getDb } from "@/lib/db";

import { hearOtherThreads, tellOtherThreads } from "./thread-news";

/**
 * Configuration variables (lens-api.md §4) are filled into a delivery's URL
 * and headers when an attempt is sent, not when it is queued: a rotated
 * value reaches every pending delivery and retry, and the delivery rows and
 * logs keep the `{{ NAME }}` reference instead of the secret.
 */

/** `{{ NAME }}`, spaces optional. */
const REFERENCE = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** How long one process trusts its copy; a change made in this process applies at once. */
const FRESH_MS = 1000;

/** Every name referenced in a template, in order of appearance. */
export function referencedNames(template: string): string[] {
  return [...template.matchAll(REFERENCE)].map((match) => match[1] ?? "");
}

/** Replaces each reference with its value; an unknown name becomes empty. */
export function fillTemplate(template: string, values: ReadonlyMap<string, string>): string {
  if (!template.includes("{{")) return template;

  return template.replace(REFERENCE, (_, name: string) => values.get(name) ?? "");
}

let cached: { values: Promise<Map<string, string>>; readAt: number } | null = null;

/** The variables' current values, read at most once a second per process. */
export function currentVariables(): Promise<Map<string, string>> {
  const now = Date.now();
  if (cached && now - cached.readAt < FRESH_MS) return cached.values;
  const values = getDb()
    .configVariable.findMany({ select: { name: true, value: true } })
    .then((rows) => new Map(rows.map((row) => [row.name, row.value])));
  cached = { values, readAt: now };
  // A failed read is not kept: the next attempt asks again.
  values.catch(() => {
    if (cached?.values === values) cached = null;
  });

  return values;
}

/** Called after a variable is set or removed so this process sends the new value at once. */
export function forgetVariables(): void {
  cached = null;
  tellOtherThreads("variables-changed");
}

hearOtherThreads("variables", (news) => {
  if (news === "variables-changed") cached = null;
});
