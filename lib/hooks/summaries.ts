import { listDeliveryLogs } from "@/lib/delivery";

export interface WebhookSummary {
  id: string;
  /** The latest delivery's state and last response status, if any. */
  lastStatus: string | null;
  lastResponse: number | null;
  lastAt: string | null;
  /** Share of deliveries finished in the last 24 h that succeeded; null when none finished. */
  successRate24h: number | null;
  deliveries24h: number;
}

const DAY_MS = 86_400_000;

/**
 * Console list figures for each hook, through the delivery engine's public
 * log API. LIMITATION: one log query per hook, counting at most 1,000
 * deliveries per day each; fine for hundreds of hooks, slow for thousands.
 */
export async function webhookSummaries(ids: string[], now = new Date()): Promise<WebhookSummary[]> {
  return Promise.all(
    ids.map(async (id) => {
      const { result } = await listDeliveryLogs(
        {
          sourceId: id,
          offset: 0,
          limit: 1000,
          order: "desc",
          updatedFrom: new Date(now.getTime() - DAY_MS),
        },
        { redact: true },
      );
      const latest = result[0];
      const finished = result.filter((log) => log.status === "success" || log.status === "error");
      const succeeded = finished.filter((log) => log.status === "success").length;

      return {
        id,
        lastStatus: latest?.status ?? null,
        lastResponse: latest?.attempts.at(-1)?.status ?? null,
        lastAt: latest?.updated ?? null,
        successRate24h: finished.length ? succeeded / finished.length : null,
        deliveries24h: result.length,
      };
    }),
  );
}
