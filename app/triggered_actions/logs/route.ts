import { route } from "@/lib/api";
import { listDeliveryLogs, ZListLogsSchema } from "@/lib/delivery";

/** lens-api.md §6: delivery logs of webhooks and triggered actions. */
export const GET = route("viewer", async ({ principal, query }) => {
  const { paging, result } = await listDeliveryLogs(query(ZListLogsSchema), {
    redact: principal.role !== "admin",
  });

  return Response.json({ paging, result });
});
