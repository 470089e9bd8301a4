import { ApiError, ok, route } from "@/lib/api";
import { DeliveryError, resendDelivery } from "@/lib/delivery";

/** **ext**: a new attempt of one delivery now; answers with the attempt. */
export const POST = route("admin", async ({ params, log }) => {
  const id = params.id ?? "";
  try {
    const attempt = await resendDelivery(id);
    log.info({ deliveryId: id, status: attempt.statusCode }, "delivery resent");

    return ok(attempt);
  } catch (error) {
    if (error instanceof DeliveryError) throw ApiError.of(error.kind, error.message);
    throw error;
  }
});
