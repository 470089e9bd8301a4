/**
 * EQL, the filter language of lens-api.md §3: parsing, checking against a
 * schema, evaluation over records and changes, translation to Prisma, and
 * the pure functions behind the console's editor. See README.md here for
 * the semantics and limits.
 */
export type {
  AndNode,
  AnyNode,
  BooleanNode,
  ComparisonNode,
  DateNode,
  DateTimeNode,
  DurationNode,
  DurationUnit,
  EqlNode,
  FieldNode,
  ListNode,
  NotNode,
  NowNode,
  NullNode,
  NumberNode,
  OperationNode,
  Operator,
  OrNode,
  ScalarNode,
  Scope,
  StringNode,
  SubjectNode,
  ValueNode,
} from "./ast";
export { withoutSpans } from "./ast";
export { completions, type CompletionItem, type CompletionKind } from "./completions";
export {
  diagnostics,
  tokenize,
  type Diagnostic,
  type EditorOptions,
  type SyntaxToken as Token,
  type TokenClass,
} from "./editor";
export { EqlError, type Span } from "./errors";
export {
  compileChangeFilter,
  compileRecordFilter,
  type Change,
  type ChangeFilter,
  type EvaluationContext,
  type Operation,
  type RecordFilter,
} from "./filter";
export { parse, type EqlMode, type ParseOptions } from "./parser";
export { print } from "./print";
export type { PrismaWhereOptions, Provider } from "./prisma-where";
export type { EqlField, EqlFieldType, EqlLookup, EqlObject, EqlSchema } from "./schema";
