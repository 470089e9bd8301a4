import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

import { ApiError } from "@/lib/api/errors";
import { getDb, sqlOf } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/sqlite/client";

import { isRole, type Principal } from "./principal";
import type { TCreateToken, TTokenView } from "./schemas";

const TOKEN_PREFIX = "tl_";
const SHOWN_LENGTH = 11;
const LAST_USED_RESOLUTION_MS = 60_000;

function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  user: { id: string; email: string; name: string };
}

function toTokenView(row: TokenRow, now = new Date()): TTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    owner: { id: row.user.id, email: row.user.email, name: row.user.name },
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    expired: row.expiresAt !== null && row.expiresAt <= now,
  };
}

const ownerSelect = { select: { id: true, email: true, name: true } } as const;

/** Makes a token; the plain value is returned here once and never stored. */
export async function createToken(
  userId: string,
  input: TCreateToken,
): Promise<{ token: string; view: TTokenView }> {
  const token = TOKEN_PREFIX + randomBytes(30).toString("base64url");
  const expiresAt = input.expiresInDays
    ? new Date(Date.now() + input.expiresInDays * 24 * 60 * 60 * 1000)
    : null;
  const row = await getDb().apiToken.create({
    data: {
      name: input.name,
      prefix: token.slice(0, SHOWN_LENGTH),
      hash: hashToken(token),
      userId,
      expiresAt,
    },
    include: { user: ownerSelect },
  });

  return { token, view: toTokenView(row) };
}

/** Admins see every active token; viewers see their own. */
export async function listTokens(principal: Principal): Promise<TTokenView[]> {
  const rows = await getDb().apiToken.findMany({
    where: {
      revokedAt: null,
      ...(principal.role === "admin" ? {} : { userId: principal.userId }),
    },
    include: { user: ownerSelect },
    orderBy: { createdAt: "desc" },
  });

  return rows.map((row) => toTokenView(row));
}

export async function revokeToken(principal: Principal, id: string): Promise<void> {
  const db = getDb();
  const token = await db.apiToken.findFirst({ where: { id, revokedAt: null } });
  // Someone else's token is reported as missing, not as forbidden.
  if (!token || (principal.role !== "admin" && token.userId !== principal.userId)) {
    throw ApiError.notFound("token");
  }
  await db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
}

/** Revokes the one active token whose shown characters start with `prefix`. */
export async function revokeTokenByPrefix(prefix: string): Promise<TTokenView> {
  const db = getDb();
  const matches = await db.apiToken.findMany({
    where: { revokedAt: null, prefix: { startsWith: prefix } },
    include: { user: ownerSelect },
  });
  const [match, ...others] = matches;
  if (!match) throw ApiError.notFound(`active token with prefix '${prefix}'`);
  if (others.length > 0) {
    throw ApiError.conflict(
      `${matches.length} active tokens start with '${prefix}'; give more characters`,
    );
  }
  await db.apiToken.update({ where: { id: match.id }, data: { revokedAt: new Date() } });

  return toTokenView(match);
}

/** A token and its owner as `authenticateToken` reads them, in one raw query. */
interface TokenOwnerRow {
  id: string;
  hash: string;
  lastUsedAt: unknown;
  expiresAt: unknown;
  revokedAt: unknown;
  userId: string;
  email: string;
  name: string;
  role: string;
}

/**
 * Resolves a bearer token to its owner, or null. The lookup is by SHA-256,
 * so the time taken does not depend on how much of a guess is right.
 *
 * This runs on every API request, so it is one raw join run by `sqlOf`
 * rather than a model query with its relation included: on SQLite that is
 * a few microseconds instead of about half a millisecond. Nothing is cached, so a revoked or expired token, a deleted user or a
 * changed role takes effect on the very next request, in every process.
 */
export async function authenticateToken(
  token: string,
  now = new Date(),
): Promise<Principal | null> {
  const hash = hashToken(token);
  const db = getDb();
  const rows = await sqlOf(db).query<TokenOwnerRow>(Prisma.sql`
    SELECT t."id", t."hash", t."lastUsedAt", t."expiresAt", t."revokedAt",
      u."id" AS "userId", u."email", u."name", u."role"
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
    WHERE t."hash" = ${hash}`);
  const [row] = rows;
  if (!row) return null;
  if (!timingSafeEqual(Buffer.from(row.hash, "hex"), Buffer.from(hash, "hex"))) return null;
  const expiresAt = storedDate(row.expiresAt);
  if (row.revokedAt !== null || (expiresAt && expiresAt <= now)) return null;
  if (!isRole(row.role)) return null;

  // Recording every use would put a write on every request; a minute's
  // resolution is enough for "last used".
  const lastUsedAt = storedDate(row.lastUsedAt);
  if (!lastUsedAt || now.getTime() - lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }

  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    via: "token",
    tokenId: row.id,
  };
}

/**
 * A raw query's date-time column: a Date from PostgreSQL, and from SQLite a
 * Date or the stored text or milliseconds, depending on how it was written.
 */
function storedDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const date =
    value instanceof Date
      ? value
      : typeof value === "string" || typeof value === "number"
        ? new Date(value)
        : typeof value === "bigint"
          ? new Date(Number(value))
          : null;
  if (!date || Number.isNaN(date.getTime())) throw new Error("unreadable stored date-time");

  return date;
}
