import { z } from "zod";

import { LensError } from "../errors";
import { decodeStored, toJsonValue, type LensValue } from "../values";
import type { LensRow } from "./delegates";
import { orderSignature, type SortKey } from "./order-by";

/**
 * Cursors are keyset positions: the sort-key values of the last record seen
 * (the UID last), so the next page starts strictly after it whatever was
 * inserted or deleted meanwhile. No record is repeated or skipped; records
 * inserted behind the cursor are simply not reached. The encoding is base64
 * JSON, opaque to callers.
 */
export function encodeCursor(keys: SortKey[], row: LensRow): string {
  const values = keys.map((key) => toJsonValue(decodeStored(key.field, row[key.field.name])));

  return Buffer.from(JSON.stringify([orderSignature(keys), ...values])).toString("base64url");
}

const ZCursor = z.tuple([z.string()], z.union([z.string(), z.number(), z.boolean(), z.null()]));

export function decodeCursor(keys: SortKey[], cursor: string): LensValue[] {
  const parsed = ZCursor.safeParse(safeJson(Buffer.from(cursor, "base64url").toString("utf8")));
  if (!parsed.success) throw cursorError("is not a cursor Tripline made");
  const [signature, ...values] = parsed.data;
  if (signature !== orderSignature(keys) || values.length !== keys.length) {
    throw cursorError("was made for another orderBy");
  }
  try {
    return keys.map((key, index) => decodeStored(key.field, values[index]));
  } catch {
    throw cursorError("is not a cursor Tripline made");
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function cursorError(message: string): LensError {
  return new LensError("BAD_ARGUMENT", `after: the cursor ${message}`, { field: "after" });
}
