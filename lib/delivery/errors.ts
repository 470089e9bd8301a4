/**
 * lib/delivery sits below lib/api, so it has its own small error; route
 * handlers turn `kind` into the API's error type (the names match).
 */
export class DeliveryError extends Error {
  override name = "DeliveryError";

  constructor(
    readonly kind: "not_found" | "conflict" | "bad_request",
    message: string,
  ) {
    super(message);
  }
}
