import { getDb } from "@/lib/db";

import { toSourceView, type SourceView } from "./sources";

/**
 * Several sources in one read: whether each may send, and if not why and
 * since when (a 410 or a long failure run turns a source off on the delivery
 * side alone), with its retry policy. Read-only; a listing of hooks calls it
 * once rather than once per hook. Sources that do not exist are left out.
 */
export async function getSourceStatuses(ids: readonly string[]): Promise<Map<string, SourceView>> {
  if (!ids.length) return new Map();
  const rows = await getDb().deliverySource.findMany({ where: { id: { in: [...ids] } } });

  return new Map(rows.map((row) => [row.id, toSourceView(row)]));
}
