import { Badge } from "@/components/ui/badge";

const USER_REASON = "disabled by a user";

/**
 * On, off by choice, or turned off by the delivery engine (410 Gone, failing
 * too long): the last must stand out, since nothing is sent until someone
 * acts on it.
 */
export function EnabledBadge({
  enabled,
  reason,
}: {
  enabled: boolean;
  reason?: string | null | undefined;
}) {
  if (enabled) return <Badge tone="accent">on</Badge>;
  if (!reason || reason === USER_REASON) return <Badge>off</Badge>;

  return (
    <span className="flex flex-col items-start gap-1">
      <Badge tone="danger">disabled</Badge>
      <span className="text-xs text-red-700">{reason}</span>
    </span>
  );
}

/** True when the engine, not a person, turned the webhook off. */
export function disabledByEngine(hook: { enabled: boolean; disabledReason?: string | null }) {
  return !hook.enabled && Boolean(hook.disabledReason) && hook.disabledReason !== USER_REASON;
}

const STATE_TONES = {
  success: "success",
  error: "danger",
  cancelled: "neutral",
  pending: "neutral",
  processing: "accent",
} as const;

function isToned(state: string): state is keyof typeof STATE_TONES {
  return state in STATE_TONES;
}

export function DeliveryStateBadge({ state }: { state: string }) {
  return <Badge tone={isToned(state) ? STATE_TONES[state] : "neutral"}>{state}</Badge>;
}
