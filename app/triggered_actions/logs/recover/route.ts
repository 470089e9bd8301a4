import { z } from "zod";

import { ApiError, ok, route } from "@/lib/api";
import { DeliveryError, recoverDeliveries } from "@/lib/delivery";

const ZRecoverSchema = z.object({
  sourceId: z.string().min(1),
  since: z.iso.datetime({ offset: true }),
});

/** **ext**: re-queues every failed delivery of one hook since a time; answers with the count. */
export const POST = route("admin", async ({ body, log }) => {
  const input = await body(ZRecoverSchema);
  try {
    const count = await recoverDeliveries(input.sourceId, new Date(input.since));
    log.info({ sourceId: input.sourceId, count }, "deliveries recovered");

    return ok({ count });
  } catch (error) {
    if (error instanceof DeliveryError) throw ApiError.of(error.kind, error.message);
    throw error;
  }
});
