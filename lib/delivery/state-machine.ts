/**
 * The delivery state machine, written down once. Every state change in
 * lib/delivery is named after a row of TRANSITIONS: its writer takes the
 * states it may leave and the state it enters from `step` (checked when the
 * module loads, so the hot path pays nothing) or `assertTransition`, and its
 * one statement's `where` names the state it leaves, so two writers can
 * never both move the same delivery.
 *
 *   pending ──claim──► processing ──2xx──────────────► success
 *      ▲                   │ ├──failure, attempts left──► pending (retry at nextAttemptAt)
 *      │                   │ ├──failure, none left / 410 / manual──► error
 *      │                   │ └──lease expired──► processing (another worker takes over)
 *      └─resend, recover── success | error | cancelled
 *   pending | processing ──source disabled or removed──► cancelled
 */
export const DELIVERY_STATES = ["pending", "processing", "success", "error", "cancelled"] as const;

export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** The state a new delivery starts in. */
export const INITIAL_STATE: DeliveryState = "pending";

/** States no worker moves a delivery out of; only a resend or a recover does. */
export const FINISHED_STATES: readonly DeliveryState[] = ["success", "error", "cancelled"];

export type TransitionName =
  "claim" | "takeover" | "succeed" | "retry" | "fail" | "cancel" | "resend" | "recover";

const TRANSITIONS: Record<TransitionName, { from: readonly DeliveryState[]; to: DeliveryState }> = {
  claim: { from: ["pending"], to: "processing" },
  takeover: { from: ["processing"], to: "processing" },
  succeed: { from: ["processing"], to: "success" },
  retry: { from: ["processing"], to: "pending" },
  fail: { from: ["processing"], to: "error" },
  cancel: { from: ["pending", "processing"], to: "cancelled" },
  // A manual resend also takes a pending delivery ahead of its schedule.
  resend: { from: ["pending", "success", "error", "cancelled"], to: "processing" },
  recover: { from: ["error"], to: "pending" },
};

export class TransitionError extends Error {
  override name = "TransitionError";
}

export function isDeliveryState(value: string): value is DeliveryState {
  return (DELIVERY_STATES as readonly string[]).includes(value);
}

/** The states a transition may start from; callers put them in their `where`. */
export function fromStates(name: TransitionName): DeliveryState[] {
  return [...TRANSITIONS[name].from];
}

export function targetState(name: TransitionName): DeliveryState {
  return TRANSITIONS[name].to;
}

/** The state `name` enters from `from`; throws when the table does not allow it. */
export function assertTransition(name: TransitionName, from: string): DeliveryState {
  const transition = TRANSITIONS[name];
  if (!isDeliveryState(from) || !transition.from.includes(from)) {
    throw new TransitionError(`cannot ${name} a delivery that is ${from}`);
  }

  return transition.to;
}

/**
 * One transition out of one state, for a writer to put in its statement.
 * Call it at module level: a table change that forbids the step then fails
 * at import, and the statement itself costs nothing extra.
 */
export function step(
  name: TransitionName,
  from: DeliveryState,
): { from: DeliveryState; to: DeliveryState } {
  return { from, to: assertTransition(name, from) };
}

export function isTerminal(state: DeliveryState): boolean {
  return FINISHED_STATES.includes(state);
}
