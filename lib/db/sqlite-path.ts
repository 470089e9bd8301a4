import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

/** The file of a `file:` URL, with its directory created. */
export function sqlitePath(url: string): string {
  const path = url.replace(/^file:/, "").split("?")[0] ?? "";
  mkdirSync(dirname(path), { recursive: true });

  return path;
}
