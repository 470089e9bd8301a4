import type { RecordWriter } from "../records/record-writer";
import { getObject, type ObjectName } from "../registry";

/** Thrown for operations after a failed one; never shown (see execute.ts). */
export class SkippedOperation extends Error {
  override name = "SkippedOperation";

  constructor() {
    super("not run: an earlier operation in this request failed");
  }
}

/**
 * One mutation request's writes. GraphQL starts the fields under `schema { }`
 * all at once; this runs them one after another in document order, inside
 * the request's one transaction, and stops at the first failure (the
 * transaction then rolls back, so nothing of the request remains).
 */
export class MutationRun {
  private queue: Promise<unknown> = Promise.resolve();
  private failed = false;
  /** `idAlias` names given on inserts, usable as lookup ids by later operations. */
  private readonly aliases = new Map<string, string>();

  constructor(readonly writer: RecordWriter) {}

  run<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(() => {
      if (this.failed) throw new SkippedOperation();

      return operation();
    });
    this.queue = result.catch(() => {
      this.failed = true;
    });

    return result;
  }

  remember(alias: string, uid: string): void {
    this.aliases.set(alias, uid);
  }

  /** Replaces aliases used as lookup ids with the UIDs they stand for. */
  resolveAliases(objectName: ObjectName, input: Record<string, unknown>): Record<string, unknown> {
    const resolved = { ...input };
    for (const lookup of getObject(objectName).lookups) {
      const value = resolved[lookup.field];
      const uid = typeof value === "string" ? this.aliases.get(value) : undefined;
      if (uid) resolved[lookup.field] = uid;
    }

    return resolved;
  }
}
