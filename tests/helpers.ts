import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";

import type { RouteHandler } from "@/lib/api";
import type { TCreateUser, TRole } from "@/lib/auth/schemas";
import { createToken } from "@/lib/auth/tokens";
import { createUser } from "@/lib/auth/users";
import { getSecrets } from "@/lib/config";
import { getDb } from "@/lib/db";

export const BASE = "http://tripline.test";

export async function resetDatabase(): Promise<void> {
  const db = getDb();
  await db.apiToken.deleteMany();
  await db.loginAttempt.deleteMany();
  await db.user.deleteMany();
}

let counter = 0;

export async function makeUser(role: TRole, overrides: Partial<TCreateUser> = {}) {
  counter += 1;

  return createUser({
    email: `user${counter}-${Date.now()}@example.com`,
    name: `User ${counter}`,
    password: "correct horse battery",
    role,
    ...overrides,
  });
}

export async function makeToken(role: TRole, expiresInDays: number | null = null) {
  const user = await makeUser(role);
  const { token, view } = await createToken(user.id, { name: `${role} token`, expiresInDays });

  return { user, token, view };
}

/** A session cookie exactly as next-auth would set it for this user. */
export async function sessionCookie(userId: string): Promise<string> {
  const jwt = await encode({ token: { sub: userId }, secret: getSecrets().sessionSecret });

  return `next-auth.session-token=${jwt}`;
}

interface CallOptions {
  method?: string;
  path?: string;
  token?: string;
  headers?: Record<string, string>;
  json?: unknown;
  body?: BodyInit;
  params?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** Calls a route handler as Next.js would, with a real Request. */
export async function call(handler: RouteHandler, options: CallOptions = {}): Promise<CallResult> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new NextRequest(`${BASE}${options.path ?? "/api/test"}`, {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : {};

  return {
    status: response.status,
    headers: response.headers,
    body: typeof parsed === "object" && parsed !== null ? { ...parsed } : { value: parsed },
  };
}
