/**
 * The object a webhook's subscription query listens to, read from its first
 * root field: `schemaJobs` (change webhooks) or `jobs` (deferred ones) both
 * mean `Jobs`. The server derives the same on save; this is the fallback for
 * an API answer that does not carry `object`.
 */
const ROOT_FIELD = /^\s*subscription\b[^{]*\{\s*([A-Za-z_][A-Za-z0-9_]*)/;

export function objectFromQuery(type: string, query: string | undefined): string | null {
  if (type !== "graphql" && type !== "graphql_deferred") return null;
  const root = query?.replace(/#[^\n]*/g, "").match(ROOT_FIELD)?.[1];
  if (!root) return null;
  if (type === "graphql")
    return root.startsWith("schema") ? root.slice("schema".length) || null : null;

  return root.charAt(0).toUpperCase() + root.slice(1);
}

/** The API's `object` when it has one, else what the query names; null for types without one. */
export function webhookObject(hook: {
  type: string;
  query?: string;
  object?: string | null;
}): string | null {
  return hook.object ?? objectFromQuery(hook.type, hook.query);
}
