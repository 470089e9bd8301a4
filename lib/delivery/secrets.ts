import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

import { getSecrets } from "@/lib/config";

const PREFIX = "whsec_";
const FORMAT = "v1";

/** A new Standard Webhooks secret: `whsec_` + 32 random bytes in base64. */
export function newSigningSecret(): string {
  return PREFIX + randomBytes(32).toString("base64");
}

export function isSigningSecret(value: string): boolean {
  return value.startsWith(PREFIX) && Buffer.from(value.slice(PREFIX.length), "base64").length >= 24;
}

/** The HMAC key: the base64 part of a `whsec_` secret, decoded. */
export function secretKey(secret: string): Buffer {
  return Buffer.from(secret.slice(PREFIX.length), "base64");
}

function key(): Buffer {
  return Buffer.from(getSecrets().encryptionKey, "hex");
}

/** Secrets rest encrypted (AES-256-GCM) so a copied database does not leak them. */
export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);

  return [
    FORMAT,
    iv.toString("base64"),
    cipher.getAuthTag().toString("base64"),
    data.toString("base64"),
  ].join(":");
}

export function decryptSecret(stored: string): string {
  const [format, iv, tag, data] = stored.split(":");
  if (format !== FORMAT || !iv || !tag || data === undefined) {
    throw new Error("stored signing secret has an unknown format");
  }
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));

  return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString(
    "utf8",
  );
}
