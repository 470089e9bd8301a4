import pino from "pino";

import { getConfig } from "@/lib/config";

/** Fields that must never reach a log line, wherever they sit. */
const REDACT = [
  "password",
  "token",
  "secret",
  "authorization",
  "cookie",
  "*.password",
  "*.token",
  "*.secret",
  "*.authorization",
  "*.cookie",
  "headers.authorization",
  "headers.cookie",
];

function createLogger() {
  return pino({
    level: process.env.LOG_LEVEL ? getConfig().logLevel : "info",
    base: { service: "tripline" },
    redact: { paths: REDACT, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

const globalForLog = globalThis as { triplineLogger?: pino.Logger };

export const logger: pino.Logger = (globalForLog.triplineLogger ??= createLogger());

export type Logger = pino.Logger;
