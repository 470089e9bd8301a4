import { getConfig, type DeliveryConfig } from "@/lib/config";

import type { TargetPolicy } from "./target-guard";

export interface DeliverySettings extends DeliveryConfig {
  /** Replaces DNS resolution for the SSRF guard (tests give names offline answers). */
  resolve?: TargetPolicy["resolve"];
}

const globalForSettings = globalThis as { triplineDeliveryOverrides?: Partial<DeliverySettings> };

/** The environment's delivery settings, with any in-process overrides on top. */
export function deliverySettings(): DeliverySettings {
  return { ...getConfig().delivery, ...globalForSettings.triplineDeliveryOverrides };
}

/**
 * Overrides settings in this process only; tests use it to inject a resolver
 * or open loopback. Pass `{}` to go back to the environment's settings.
 */
export function configureDelivery(overrides: Partial<DeliverySettings>): void {
  globalForSettings.triplineDeliveryOverrides = overrides;
}

export function targetPolicy(settings: DeliverySettings): TargetPolicy {
  return {
    allowHttp: settings.allowHttp,
    allowedTargets: settings.allowedTargets,
    ...(settings.resolve ? { resolve: settings.resolve } : {}),
  };
}
