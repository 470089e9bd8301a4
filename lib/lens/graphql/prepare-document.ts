import {
  GraphQLError,
  Lexer,
  parse,
  Source,
  TokenKind,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";

export type Prepared =
  { ok: true; document: DocumentNode } | { ok: false; errors: readonly GraphQLError[] };

const CACHE_ENTRIES = 500;

/**
 * Parses and validates a request's document, remembering what it can.
 * Validation is most of a small request's GraphQL work, and clients send
 * the same few documents with different values written into them
 * (`updateJobs(input: { UID: "..." })`). So a document is validated once per
 * shape: its tokens with string literals blanked. That is sound because no
 * scalar of the schema judges a string literal by its content (String, ID and
 * Instant take any string; the write layer checks values), so two documents
 * of one shape are both valid or both not. Only valid shapes are remembered;
 * an invalid document is validated each time, so its messages quote its own
 * values.
 */
export class DocumentCache {
  private readonly documents = new Map<string, DocumentNode>();
  private readonly validShapes = new Set<string>();

  constructor(private readonly schema: () => GraphQLSchema) {}

  prepare(query: string): Prepared {
    const known = this.documents.get(query);
    if (known) return { ok: true, document: known };

    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      if (error instanceof GraphQLError) return { ok: false, errors: [error] };
      throw error;
    }
    const shape = shapeOf(query);
    if (!this.validShapes.has(shape)) {
      const errors = validate(this.schema(), document);
      if (errors.length) return { ok: false, errors };
      makeRoom(this.validShapes);
      this.validShapes.add(shape);
    }
    makeRoom(this.documents);
    this.documents.set(query, document);

    return { ok: true, document };
  }
}

/** The document's tokens, string literals blanked; comments and spacing drop out. */
function shapeOf(query: string): string {
  const lexer = new Lexer(new Source(query));
  const parts: string[] = [];
  for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
    const literal = token.kind === TokenKind.STRING || token.kind === TokenKind.BLOCK_STRING;
    parts.push(literal ? '""' : (token.value ?? token.kind));
  }

  return parts.join(" ");
}

/** Keeps a cache bounded by forgetting its oldest entry. */
function makeRoom(cache: {
  size: number;
  keys(): IterableIterator<string>;
  delete(key: string): boolean;
}): void {
  if (cache.size < CACHE_ENTRIES) return;
  const oldest = cache.keys().next();
  if (!oldest.done) cache.delete(oldest.value);
}
