import { createHmac } from "node:crypto";

import { secretKey } from "./secrets";

/**
 * Standard Webhooks signature headers. Each secret signs
 * `id.timestamp.body`; during a rotation both the new and the old signature
 * are sent, space-separated, and a receiver accepts either.
 */
export function signatureHeaders(
  id: string,
  body: string,
  secrets: readonly string[],
  now = Date.now(),
): Record<string, string> {
  const timestamp = Math.floor(now / 1000).toString();
  const content = `${id}.${timestamp}.${body}`;
  const signatures = secrets.map(
    (secret) => `v1,${createHmac("sha256", secretKey(secret)).update(content).digest("base64")}`,
  );

  return {
    "webhook-id": id,
    "webhook-timestamp": timestamp,
    "webhook-signature": signatures.join(" "),
  };
}
