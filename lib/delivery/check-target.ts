import { deliverySettings, targetPolicy } from "./settings";
import { assertTargetAllowed } from "./target-guard";

/** For hooks saving a URL: throws TargetRefused when it could never be called. */
export async function checkDeliveryTarget(url: string): Promise<void> {
  await assertTargetAllowed(url, targetPolicy(deliverySettings()));
}
