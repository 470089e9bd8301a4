import { isAbsolute, join, resolve } from "node:path";
import { z } from "zod";

import packageJson from "../../package.json" with { type: "json" };

import { ConfigError } from "./errors";
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_TOO_LONG,
  PASSWORD_TOO_SHORT,
} from "./password-rule";
import { readOrCreateSecrets, type StoredSecrets } from "./secrets-file";

export const VERSION: string = packageJson.version;

const ZEnvSchema = z.object({
  DATABASE_URL: z.string().trim().min(1).optional(),
  TRIPLINE_DATA_DIR: z.string().trim().min(1).default("./data"),
  TRIPLINE_SQLITE_SYNC: z.enum(["normal", "full"]).default("normal"),
  TRIPLINE_SESSION_SECRET: z.string().min(32).optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  TRIPLINE_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, "must be 64 hexadecimal characters (32 bytes)")
    .optional(),
  NEXTAUTH_URL: z.url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ADMIN_EMAIL: z.email("must be an email address").optional(),
  ADMIN_PASSWORD: z
    .string()
    .min(PASSWORD_MIN_LENGTH, PASSWORD_TOO_SHORT)
    .max(PASSWORD_MAX_LENGTH, PASSWORD_TOO_LONG)
    .optional(),
  ADMIN_NAME: z.string().trim().min(1).max(100).optional(),
  // Delivery engine and worker (lib/delivery, lib/worker).
  TRIPLINE_WORKER: z.enum(["on", "off"]).default("on"),
  TRIPLINE_WORKER_SECRET: z.string().min(16).optional(),
  TRIPLINE_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).default(100),
  TRIPLINE_WORKER_BATCH: z.coerce.number().int().min(1).max(1000).default(100),
  TRIPLINE_WORKER_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  TRIPLINE_HOOK_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(10),
  TRIPLINE_ALLOWED_TARGETS: z.string().default(""),
  TRIPLINE_ALLOW_HTTP: z.enum(["true", "false"]).default("false"),
  TRIPLINE_HTTP_THREAD: z.enum(["on", "off"]).default("on"),
  TRIPLINE_WORKER_THREAD: z.enum(["on", "off"]).default("on"),
  TRIPLINE_RETRY_SCALE: z.coerce.number().positive().max(1).default(1),
  TRIPLINE_LEASE_MARGIN_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  TRIPLINE_DISABLE_AFTER_DAYS: z.coerce.number().positive().default(5),
  TRIPLINE_DELIVERY_RETENTION_DAYS: z.coerce.number().positive().default(30),
});

type Environment = Record<string, string | undefined>;

export type DatabaseKind = "sqlite" | "postgresql";

export interface Config {
  dataDir: string;
  database: DatabaseConfig;
  logLevel: z.infer<typeof ZEnvSchema>["LOG_LEVEL"];
  secureCookies: boolean;
  bootstrapAdmin: { email: string; password: string; name: string } | null;
  delivery: DeliveryConfig;
  worker: WorkerConfig;
}

export interface DatabaseConfig {
  kind: DatabaseKind;
  url: string;
  /**
   * SQLite's `synchronous` setting, in WAL mode. `normal` (the default) never
   * corrupts the file and loses nothing when the process dies, but an OS
   * crash or power cut may undo the last commits; `full` syncs every commit
   * to disk, at about a millisecond each. Unused on PostgreSQL.
   */
  sqliteSync?: "normal" | "full";
}

export interface DeliveryConfig {
  /** CIDRs that may be called even though they are not public. */
  allowedTargets: string[];
  allowHttp: boolean;
  /** Whether the engine makes its calls on a thread of its own (http-thread.ts). */
  httpThread: boolean;
  /** Multiplies every retry wait; below 1 only to compress schedules in tests. */
  retryScale: number;
  /** Added to the attempt timeout to make the lease. */
  leaseMarginMs: number;
  /** Per-hook in-flight cap for hooks that do not set their own. */
  hookConcurrency: number;
  /** A hook failing this long without one success is disabled. */
  disableAfterMs: number;
  retentionMs: number;
}

export interface WorkerConfig {
  /** Whether `npm start` runs a worker in the server process. */
  inProcess: boolean;
  /** Whether the delivery worker runs on a thread of its own (lib/worker/thread.ts). */
  thread: boolean;
  secret: string | null;
  concurrency: number;
  batchSize: number;
  pollMs: number;
}

export { ConfigError };

function parseEnv(env: Environment) {
  const parsed = ZEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`invalid environment:\n  ${lines.join("\n  ")}`);
  }

  return parsed.data;
}

/** SQLite paths in `file:` URLs are relative to the working directory. */
function resolveDatabase(
  url: string | undefined,
  dataDir: string,
  sqliteSync: DatabaseConfig["sqliteSync"],
): DatabaseConfig {
  if (!url) {
    return { kind: "sqlite", url: `file:${join(dataDir, "tripline.db")}`, sqliteSync };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    return { kind: "postgresql", url };
  }
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length);

    return { kind: "sqlite", url: `file:${isAbsolute(path) ? path : resolve(path)}`, sqliteSync };
  }
  throw new ConfigError(
    "DATABASE_URL: must start with postgresql:// (PostgreSQL) or file: (SQLite)",
  );
}

/**
 * The first admin to make from the environment. One of the pair without the
 * other is refused at start-up: quietly skipping it would leave an operator
 * waiting for an admin that never comes.
 */
function bootstrapAdminFrom(parsed: ReturnType<typeof parseEnv>): Config["bootstrapAdmin"] {
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password, ADMIN_NAME: name } = parsed;
  if (email && !password) {
    throw new ConfigError(
      "ADMIN_PASSWORD: must be set when ADMIN_EMAIL is " +
        `(at least ${PASSWORD_MIN_LENGTH} characters), or unset ADMIN_EMAIL`,
    );
  }
  if (password && !email) {
    throw new ConfigError(
      "ADMIN_EMAIL: must be set when ADMIN_PASSWORD is, or unset ADMIN_PASSWORD",
    );
  }
  if (!email || !password) return null;

  return { email: email.toLowerCase(), password, name: name ?? "Administrator" };
}

export function loadConfig(env: Environment = process.env): Config {
  const parsed = parseEnv(env);
  const dataDir = resolve(parsed.TRIPLINE_DATA_DIR);

  return {
    dataDir,
    database: resolveDatabase(parsed.DATABASE_URL, dataDir, parsed.TRIPLINE_SQLITE_SYNC),
    logLevel: parsed.LOG_LEVEL,
    secureCookies: parsed.NEXTAUTH_URL?.startsWith("https://") ?? false,
    bootstrapAdmin: bootstrapAdminFrom(parsed),
    delivery: {
      allowedTargets: parsed.TRIPLINE_ALLOWED_TARGETS.split(",")
        .map((part) => part.trim())
        .filter(Boolean),
      allowHttp: parsed.TRIPLINE_ALLOW_HTTP === "true",
      httpThread: parsed.TRIPLINE_HTTP_THREAD === "on",
      retryScale: parsed.TRIPLINE_RETRY_SCALE,
      leaseMarginMs: parsed.TRIPLINE_LEASE_MARGIN_MS,
      hookConcurrency: parsed.TRIPLINE_HOOK_CONCURRENCY,
      disableAfterMs: parsed.TRIPLINE_DISABLE_AFTER_DAYS * 86_400_000,
      retentionMs: parsed.TRIPLINE_DELIVERY_RETENTION_DAYS * 86_400_000,
    },
    worker: {
      inProcess: parsed.TRIPLINE_WORKER === "on",
      thread: parsed.TRIPLINE_WORKER_THREAD === "on",
      secret: parsed.TRIPLINE_WORKER_SECRET ?? null,
      concurrency: parsed.TRIPLINE_WORKER_CONCURRENCY,
      batchSize: parsed.TRIPLINE_WORKER_BATCH,
      pollMs: parsed.TRIPLINE_WORKER_POLL_MS,
    },
  };
}

let cached: Config | undefined;

export function getConfig(): Config {
  cached ??= loadConfig();

  return cached;
}

export type Secrets = StoredSecrets;

/**
 * Secrets come from the environment when set there; otherwise they are made
 * once and kept in `<dataDir>/secrets.json` (mode 0600), so a first start
 * needs no configuration and restarts keep sessions valid.
 */
export function loadSecrets(config: Config = getConfig(), env: Environment = process.env): Secrets {
  const parsed = parseEnv(env);
  const fromEnv = {
    sessionSecret: parsed.TRIPLINE_SESSION_SECRET ?? parsed.NEXTAUTH_SECRET,
    encryptionKey: parsed.TRIPLINE_ENCRYPTION_KEY?.toLowerCase(),
  };
  if (fromEnv.sessionSecret && fromEnv.encryptionKey) {
    return { sessionSecret: fromEnv.sessionSecret, encryptionKey: fromEnv.encryptionKey };
  }

  const stored = readOrCreateSecrets(config.dataDir);

  return {
    sessionSecret: fromEnv.sessionSecret ?? stored.sessionSecret,
    encryptionKey: fromEnv.encryptionKey ?? stored.encryptionKey,
  };
}

let cachedSecrets: Secrets | undefined;

export function getSecrets(): Secrets {
  cachedSecrets ??= loadSecrets();

  return cachedSecrets;
}
