import { describe, expect, it } from "vitest";

import {
  assertTransition,
  DELIVERY_STATES,
  FINISHED_STATES,
  fromStates,
  isTerminal,
  step,
  targetState,
  TransitionError,
  type DeliveryState,
  type TransitionName,
} from "./state-machine";

/** issue 5's state machine, written out again so a change to the table must be deliberate. */
const EXPECTED: Record<TransitionName, { from: DeliveryState[]; to: DeliveryState }> = {
  claim: { from: ["pending"], to: "processing" },
  takeover: { from: ["processing"], to: "processing" },
  succeed: { from: ["processing"], to: "success" },
  retry: { from: ["processing"], to: "pending" },
  fail: { from: ["processing"], to: "error" },
  cancel: { from: ["pending", "processing"], to: "cancelled" },
  resend: { from: ["pending", "success", "error", "cancelled"], to: "processing" },
  recover: { from: ["error"], to: "pending" },
};

const NAMES = Object.keys(EXPECTED) as TransitionName[];

describe("delivery state machine", () => {
  it.each(NAMES)("%s leaves exactly the expected states for the expected one", (name) => {
    expect(fromStates(name).sort()).toEqual([...EXPECTED[name].from].sort());
    expect(targetState(name)).toBe(EXPECTED[name].to);
  });

  it("allows every listed transition and refuses every other one", () => {
    for (const name of NAMES) {
      for (const from of DELIVERY_STATES) {
        if (EXPECTED[name].from.includes(from)) {
          expect(assertTransition(name, from)).toBe(EXPECTED[name].to);
          expect(step(name, from)).toEqual({ from, to: EXPECTED[name].to });
        } else {
          expect(() => assertTransition(name, from)).toThrow(TransitionError);
          expect(() => step(name, from)).toThrow(`cannot ${name} a delivery that is ${from}`);
        }
      }
    }
  });

  it("refuses a state that is not in the table", () => {
    expect(() => assertTransition("claim", "sent")).toThrow(TransitionError);
  });

  it("lets no worker transition leave a finished state; only resend and recover do", () => {
    expect(FINISHED_STATES).toEqual(["success", "error", "cancelled"]);
    for (const name of NAMES) {
      const leavesFinished = fromStates(name).some(isTerminal);
      expect(leavesFinished).toBe(name === "resend" || name === "recover");
    }
  });
});
