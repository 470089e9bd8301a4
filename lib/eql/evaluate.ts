import { includesMatcher, likeMatcher } from "./like-match";
import type { Check, FieldSubject, Operand, Order, Predicate, Subject, Test } from "./predicate";

/**
 * Compiles a checked filter to nested closures, once. Evaluating one then
 * reads fields and compares; it allocates nothing of its own. `now` is
 * passed in as milliseconds so NOW() is read once per evaluation.
 *
 * Records are plain objects keyed by field name. A lookup's related record
 * sits under the lookup's name (`job.Region.Name`), as Prisma's `include`
 * returns it; null or absent means there is no related record, and every
 * field read through it is missing.
 *
 * LIMITATION: numbers must be JavaScript numbers; a Prisma Decimal object in
 * a record compares as no number at all, so callers convert decimals first.
 */
export type Input = Readonly<Record<string, unknown>>;
export type Evaluator = (input: Input, now: number) => boolean;
type Getter = (input: Input) => unknown;

export function isRecord(value: unknown): value is Input {
  return typeof value === "object" && value !== null;
}

export function isMissing(value: unknown): boolean {
  return value === null || value === undefined;
}

/** Date-times come as Date objects, ISO strings (change events are JSON) or epoch ms. */
export function toMillis(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "string") return Date.parse(value);
  if (typeof value === "number") return value;

  return Number.NaN;
}

/** Reads `keys` one level at a time; the short paths, by far the commonest, get own closures. */
function getter(keys: readonly string[]): Getter {
  const [first = "", second = "", third = ""] = keys;
  switch (keys.length) {
    case 1:
      return (input) => input[first];
    case 2:
      return (input) => {
        const one = input[first];

        return isRecord(one) ? one[second] : undefined;
      };
    case 3:
      return (input) => {
        const one = input[first];
        const two = isRecord(one) ? one[second] : undefined;

        return isRecord(two) ? two[third] : undefined;
      };
    default:
      return (input) => {
        let value: unknown = input;
        for (const key of keys) value = isRecord(value) ? value[key] : undefined;

        return value;
      };
  }
}

/** Record mode reads from the record; change mode from `current` or `previous` of the change. */
function subjectGetter(subject: Subject): Getter {
  if (subject.kind === "operation") return getter(["operation"]);
  const path = [...subject.lookups.map((lookup) => lookup.name), subject.field.name];

  return getter(subject.scope ? [subject.scope, ...path] : path);
}

const ORDERS: Readonly<Record<Order, (a: number, b: number) => boolean>> = {
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
};

export function compilePredicate(predicate: Predicate): Evaluator {
  switch (predicate.kind) {
    case "and":
    case "or":
      return combine(predicate.kind, predicate.operands.map(compilePredicate));
    case "not": {
      const operand = compilePredicate(predicate.operand);

      return (input, now) => !operand(input, now);
    }
    case "test":
      return compileTest(predicate);
  }
}

function combine(kind: "and" | "or", operands: readonly Evaluator[]): Evaluator {
  const [a, b, c] = operands;
  if (operands.length === 2 && a && b) {
    return kind === "and" ? (r, n) => a(r, n) && b(r, n) : (r, n) => a(r, n) || b(r, n);
  }
  if (operands.length === 3 && a && b && c) {
    return kind === "and"
      ? (r, n) => a(r, n) && b(r, n) && c(r, n)
      : (r, n) => a(r, n) || b(r, n) || c(r, n);
  }

  // Longer chains loop over a frozen copy: a callback for every/some would be a new closure per call.
  const all: readonly Evaluator[] = Object.freeze([...operands]);

  return kind === "and" ? (r, n) => allHold(all, r, n) : (r, n) => anyHolds(all, r, n);
}

function allHold(operands: readonly Evaluator[], input: Input, now: number): boolean {
  for (let i = 0; i < operands.length; i++) {
    const operand = operands[i];
    if (operand !== undefined && !operand(input, now)) return false;
  }

  return true;
}

function anyHolds(operands: readonly Evaluator[], input: Input, now: number): boolean {
  for (let i = 0; i < operands.length; i++) {
    const operand = operands[i];
    if (operand !== undefined && operand(input, now)) return true;
  }

  return false;
}

function compileTest(test: Test): Evaluator {
  const get = subjectGetter(test.subject);
  const instant = test.subject.valueKind === "instant";
  const check: Check = test.check;
  switch (check.kind) {
    case "missing":
      return (input) => isMissing(get(input));
    case "equals":
      return equalsTest(get, check.operand);
    case "order":
      return orderTest(get, ORDERS[check.order], check.operand);
    case "in": {
      const values = new Set(check.operands.map(plainValue));

      return (input) => values.has(get(input));
    }
    case "like":
    case "includes": {
      const matches =
        check.kind === "like" ? likeMatcher(check.pattern) : includesMatcher(check.values);

      return (input) => {
        const value = get(input);

        return typeof value === "string" && matches(value);
      };
    }
    case "same":
      return sameTest(get, check.other, instant);
    case "orderTo":
      return orderToTest(get, check.other, ORDERS[check.order], instant);
  }
}

/** The JavaScript value an operand equals; instants are compared as milliseconds elsewhere. */
function plainValue(operand: Operand): unknown {
  switch (operand.kind) {
    case "text":
    case "number":
    case "boolean":
      return operand.value;
    case "instant":
      return operand.epochMs;
    case "now":
      return Number.NaN;
  }
}

function equalsTest(get: Getter, operand: Operand): Evaluator {
  switch (operand.kind) {
    case "instant": {
      const expected = operand.epochMs;

      return (input) => toMillis(get(input)) === expected;
    }
    case "now": {
      const offset = operand.offsetMs;

      return (input, now) => toMillis(get(input)) === now + offset;
    }
    default: {
      const expected = operand.value;

      return (input) => get(input) === expected;
    }
  }
}

function orderTest(
  get: Getter,
  order: (a: number, b: number) => boolean,
  operand: Operand,
): Evaluator {
  switch (operand.kind) {
    case "instant": {
      const bound = operand.epochMs;

      return (input) => order(toMillis(get(input)), bound);
    }
    case "now": {
      const offset = operand.offsetMs;

      return (input, now) => order(toMillis(get(input)), now + offset);
    }
    case "number": {
      const bound = operand.value;

      return (input) => {
        const value = get(input);

        return typeof value === "number" && order(value, bound);
      };
    }
    default:
      // The checker allows ordering on numbers and dates only.
      return () => false;
  }
}

/** Equal, or both missing: a field that stays empty across an update has not changed. */
function sameTest(get: Getter, other: FieldSubject, instant: boolean): Evaluator {
  const getOther = subjectGetter(other);

  return (input) => {
    const a = get(input);
    const b = getOther(input);
    if (isMissing(a) || isMissing(b)) return isMissing(a) && isMissing(b);
    if (!instant) return a === b;
    const ms = toMillis(a);

    return ms === toMillis(b) && !Number.isNaN(ms);
  };
}

function orderToTest(
  get: Getter,
  other: FieldSubject,
  order: (a: number, b: number) => boolean,
  instant: boolean,
): Evaluator {
  const getOther = subjectGetter(other);

  return (input) => {
    const a = get(input);
    const b = getOther(input);
    if (instant) return order(toMillis(a), toMillis(b));

    return typeof a === "number" && typeof b === "number" && order(a, b);
  };
}

/** Whether a filter reads NOW(), so callers only ask the clock when it matters. */
export function usesNow(predicate: Predicate): boolean {
  switch (predicate.kind) {
    case "and":
    case "or":
      return predicate.operands.some(usesNow);
    case "not":
      return usesNow(predicate.operand);
    case "test": {
      const check = predicate.check;
      if (check.kind === "equals" || check.kind === "order") return check.operand.kind === "now";

      return false;
    }
  }
}
