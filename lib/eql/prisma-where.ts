import { EqlError } from "./errors";
import { likeWhere, includesWhere, type StringMatch } from "./prisma-like";
import type { Check, Operand, Predicate, Test } from "./predicate";
import type { EqlField, EqlLookup } from "./schema";

export type Provider = "sqlite" | "postgresql";

export interface PrismaWhereOptions {
  provider: Provider;
  /** The one moment NOW() means for this query; the current time when absent. */
  now?: Date;
}

export type PrismaWhere = Record<string, unknown>;

/**
 * Translates a checked record filter to a Prisma `where` with the meaning
 * the evaluator gives it, on SQLite and on PostgreSQL alike.
 *
 * The hard part is null. SQL compares NULL to anything as unknown, and
 * NOT(unknown) is unknown, so a plain `NOT` would drop rows whose field is
 * null, where EQL's two-valued logic keeps them (`Description != 'x'` is
 * true for a job without a description). Every test is therefore built so
 * that it yields unknown only where EQL says false, and under an odd number
 * of NOTs (`negative`) each test on a nullable field also requires the field
 * to be present, which turns that unknown into a plain false before NOT
 * flips it. Relation filters keep the polarity of their context because
 * Prisma filters to-one relations through a LEFT JOIN, where an absent
 * related record reads as NULLs; the differential test pins this down.
 *
 * The result is meant to be used as a `where` or combined with AND/OR; do
 * not wrap it in NOT, which would bring the unknowns back.
 */
export function toPrismaWhere(
  predicate: Predicate,
  text: string,
  options: PrismaWhereOptions,
): PrismaWhere {
  const now = (options.now ?? new Date()).getTime();

  return translate({ text, provider: options.provider, now }, predicate, false);
}

interface Context {
  readonly text: string;
  readonly provider: Provider;
  readonly now: number;
}

function translate(context: Context, predicate: Predicate, negative: boolean): PrismaWhere {
  switch (predicate.kind) {
    case "and":
      return { AND: predicate.operands.map((operand) => translate(context, operand, negative)) };
    case "or":
      return { OR: predicate.operands.map((operand) => translate(context, operand, negative)) };
    case "not":
      return { NOT: translate(context, predicate.operand, !negative) };
    case "test":
      return translateTest(context, predicate, negative);
  }
}

function translateTest(context: Context, test: Test, negative: boolean): PrismaWhere {
  const { subject, check } = test;
  if (subject.kind !== "field" || subject.scope !== null) {
    throw new EqlError(
      context.text,
      test.node.span,
      "change filters cannot be turned into queries",
    );
  }
  let where = fieldWhere(context, subject.field, check, negative, test);
  // Wrap from the innermost lookup out: Account.Region.Name is Account is (Region is (Name ...)).
  for (let i = subject.lookups.length - 1; i >= 0; i--) {
    const lookup = subject.lookups[i];
    if (!lookup) continue;
    const related = { [lookup.name]: { is: where } };
    const none = check.kind === "missing" ? absent(lookup, subject.idFields[i]) : null;
    where = none ? { OR: [none, related] } : related;
  }

  return where;
}

/**
 * "There is no related record": the id field is null. A required id field is
 * never null, so the case drops out; when the schema does not list the id
 * field, the relation itself is asked.
 */
function absent(lookup: EqlLookup, idField: EqlField | undefined): PrismaWhere | null {
  if (!idField) return { NOT: { [lookup.name]: { is: {} } } };

  return idField.nullable === false ? null : { [lookup.field]: null };
}

function fieldWhere(
  context: Context,
  field: EqlField,
  check: Check,
  negative: boolean,
  test: Test,
): PrismaWhere {
  const name = field.name;
  const nullable = field.nullable !== false;
  // Under NOT, a nullable field must be present for the test to hold, so that NULL reads as false.
  const guard: Record<string, unknown> = negative && nullable ? { not: null } : {};
  switch (check.kind) {
    case "missing":
      if (nullable) return { [name]: null };

      return neverNull(field);
    case "equals":
      return { [name]: { ...guard, equals: operandValue(context, check.operand) } };
    case "order":
      return {
        [name]: { ...guard, [ORDER_KEYS[check.order]]: operandValue(context, check.operand) },
      };
    case "in":
      return {
        [name]: { ...guard, in: check.operands.map((operand) => operandValue(context, operand)) },
      };
    case "like":
    case "includes": {
      const { provider, text } = context;
      const match: StringMatch = { field: name, provider, text, span: check.span };
      const where =
        check.kind === "like"
          ? likeWhere(match, check.pattern)
          : includesWhere(match, check.values);

      return negative && nullable ? { AND: [{ [name]: { not: null } }, where] } : where;
    }
    case "same":
    case "orderTo":
      throw new EqlError(
        context.text,
        test.node.span,
        "comparing two fields cannot be turned into a query",
      );
  }
}

/**
 * A test no row passes, for `== null` on a column that is never null
 * (Prisma refuses `null` there). `in: []` is that, but Prisma's Boolean
 * filter has no `in`, so a boolean gets a contradiction. (`OR: []` will not
 * do: Prisma drops it inside an AND, where it then passes every row.)
 */
function neverNull(field: EqlField): PrismaWhere {
  if (field.type === "boolean") return { [field.name]: { equals: true, not: true } };

  return { [field.name]: { in: [] } };
}

const ORDER_KEYS = { "<": "lt", "<=": "lte", ">": "gt", ">=": "gte" } as const;

function operandValue(context: Context, operand: Operand): unknown {
  switch (operand.kind) {
    case "text":
    case "number":
    case "boolean":
      return operand.value;
    case "instant":
      return new Date(operand.epochMs);
    case "now":
      return new Date(context.now + operand.offsetMs);
  }
}
