import { summarizeSources } from "@/lib/delivery";

export interface WebhookSummary {
  id: string;
  /** The latest delivery ever made for the hook: its state and last response status. */
  lastStatus: string | null;
  lastResponse: number | null;
  lastAt: string | null;
  /** Share of deliveries finished in the last 24 h that succeeded; null when none finished. */
  successRate24h: number | null;
  deliveries24h: number;
}

const DAY_MS = 86_400_000;

/** Console list figures for each hook, from one delivery-engine query for the whole list. */
export async function webhookSummaries(ids: string[], now = new Date()): Promise<WebhookSummary[]> {
  const summaries = await summarizeSources(ids, new Date(now.getTime() - DAY_MS));

  return ids.map((id) => {
    const summary = summaries.get(id);
    const finished = (summary?.recent.succeeded ?? 0) + (summary?.recent.failed ?? 0);

    return {
      id,
      lastStatus: summary?.last?.state ?? null,
      lastResponse: summary?.last?.statusCode ?? null,
      lastAt: summary?.last?.at ?? null,
      successRate24h: finished ? (summary?.recent.succeeded ?? 0) / finished : null,
      deliveries24h: summary?.recent.total ?? 0,
    };
  });
}
