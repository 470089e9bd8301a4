import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

import { ConfigError } from "./errors";

export interface StoredSecrets {
  sessionSecret: string;
  encryptionKey: string;
}

const ZSecretsFileSchema = z.object({
  sessionSecret: z.string().min(32),
  encryptionKey: z.string().regex(/^[0-9a-f]{64}$/),
});

export function secretsFilePath(dataDir: string): string {
  return join(dataDir, "secrets.json");
}

/**
 * The secrets kept in `<dataDir>/secrets.json`, made on first use.
 *
 * Two processes may start together on a fresh data directory (the server and
 * a standalone worker), so the file must appear whole and only once. Each
 * writes its candidate to a private temporary file, then links it into place:
 * a link never replaces an existing file, so the first one wins and the
 * other reads the winner's secrets. Nobody ever sees a half-written file.
 */
export function readOrCreateSecrets(dataDir: string): StoredSecrets {
  const file = secretsFilePath(dataDir);

  return readSecrets(file) ?? createSecrets(dataDir, file);
}

/** The stored secrets, or null when there is no file yet. */
function readSecrets(file: string): StoredSecrets | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if (errorCode(error) === "ENOENT") return null;
    throw error;
  }

  return parseSecrets(file, text);
}

function parseSecrets(file: string, text: string): StoredSecrets {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damaged(file, "it is not valid JSON");
  }
  const result = ZSecretsFileSchema.safeParse(json);
  if (!result.success)
    throw damaged(file, "sessionSecret or encryptionKey is missing or malformed");

  return result.data;
}

function damaged(file: string, why: string): ConfigError {
  return new ConfigError(
    `damaged secrets file at ${file}: ${why}; restore it from a backup, ` +
      "or remove it to make new secrets (signing everyone out and losing encrypted values)",
  );
}

function createSecrets(dataDir: string, file: string): StoredSecrets {
  const candidate: StoredSecrets = {
    sessionSecret: randomBytes(32).toString("base64url"),
    encryptionKey: randomBytes(32).toString("hex"),
  };
  mkdirSync(dataDir, { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(candidate, null, 2), { flag: "wx", mode: 0o600 });
    linkSync(temporary, file);

    return candidate;
  } catch (error) {
    if (errorCode(error) !== "EEXIST") throw error;
    // Another process linked its file first: use those secrets, not ours.
    return parseSecrets(file, readFileSync(file, "utf8"));
  } finally {
    rmSync(temporary, { force: true });
  }
}

function errorCode(error: unknown): unknown {
  return error instanceof Error && "code" in error ? error.code : undefined;
}
