import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

/**
 * Date-times go out as ISO-8601 UTC strings with milliseconds. Coming in, the
 * scalar accepts any string and the write layer checks it, so a bad value is
 * reported on the mutation that sent it, with its path, like other field
 * errors.
 */
export const GraphQLInstant = new GraphQLScalarType<string, string>({
  name: "Instant",
  description: "An ISO-8601 date-time, e.g. 2027-01-01T09:00:00.000Z; always UTC on output.",
  serialize(value) {
    const date =
      value instanceof Date ? value : typeof value === "string" ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime())) {
      throw new GraphQLError(`Instant cannot represent ${String(value)}`);
    }

    return date.toISOString();
  },
  parseValue(value) {
    if (typeof value !== "string") throw new GraphQLError("Instant must be a string");

    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError("Instant must be a string", { nodes: ast });

    return ast.value;
  },
});
