import { randomUUID } from "node:crypto";

import { NextResponse, type NextRequest } from "next/server";
import { ZodError, type ZodType } from "zod";

import { getSessionPrincipal } from "@/lib/auth/next-auth";
import type { Principal } from "@/lib/auth/principal";
import type { TRole } from "@/lib/auth/schemas";
import { authenticateToken } from "@/lib/auth/tokens";
import { logger, type Logger } from "@/lib/log";

import { readJsonBody } from "./body";
import { ApiError, type ErrorBody } from "./errors";
import { assertSameOrigin } from "./origin";
import { parseWith, validationError } from "./validation";

export interface RouteContext<TPrincipal> {
  request: NextRequest;
  principal: TPrincipal;
  params: Record<string, string>;
  log: Logger;
  /** Reads the JSON body (415, 413, 400 on failure) and validates it. */
  body: <T>(schema: ZodType<T>) => Promise<T>;
  /** Validates the query string. */
  query: <T>(schema: ZodType<T>) => T;
}

type Handler<TPrincipal> = (context: RouteContext<TPrincipal>) => Response | Promise<Response>;
type NextContext = { params: Promise<Record<string, string | string[]>> };
export type RouteHandler = (request: NextRequest, context?: NextContext) => Promise<Response>;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const RANK: Record<TRole, number> = { viewer: 1, admin: 2 };

export function ok(result: unknown, status = 200): Response {
  return NextResponse.json({ result }, { status });
}

/**
 * A route for signed-in callers. The wrapper authenticates (bearer token or
 * console session), checks the role, refuses cookie-authenticated writes from
 * other origins, and turns every failure into the one error body. A handler
 * holds only its own steps.
 */
export function route(role: TRole, handler: Handler<Principal>): RouteHandler {
  return wrap(async (request) => {
    const principal = await authenticate(request);
    if (!principal) {
      throw new ApiError("unauthorized", "sign in or send 'Authorization: Bearer <token>'");
    }
    if (RANK[principal.role] < RANK[role]) {
      throw new ApiError("forbidden", `this action needs the ${role} role`);
    }
    if (principal.via === "session" && !SAFE_METHODS.has(request.method)) {
      assertSameOrigin(request);
    }

    return principal;
  }, handler);
}

/**
 * A route anyone may call. It never looks at credentials: none of these
 * routes acts for a user, and a session or token lookup would make them wait
 * on the database (health must answer within its probe's time limit even
 * when the database hangs).
 */
export function publicRoute(handler: Handler<null>): RouteHandler {
  return wrap((request) => {
    // A browser always sends Origin on a cross-site write; other clients
    // carry no cookies for a forged request to ride on.
    const fromBrowser = request.headers.has("origin");
    if (fromBrowser && !SAFE_METHODS.has(request.method)) assertSameOrigin(request);

    return Promise.resolve(null);
  }, handler);
}

function wrap<P>(resolve: (request: NextRequest) => Promise<P>, handler: Handler<P>): RouteHandler {
  return async (request, context) => {
    const log = logger.child({ method: request.method, path: request.nextUrl.pathname });
    try {
      const principal = await resolve(request);

      return await handler({
        request,
        principal,
        params: await readParams(context),
        log,
        body: async (schema) => parseWith(schema, await readJsonBody(request), "body"),
        query: (schema) =>
          parseWith(schema, Object.fromEntries(request.nextUrl.searchParams), "query"),
      });
    } catch (error) {
      return handleError(error, log);
    }
  };
}

async function authenticate(request: NextRequest): Promise<Principal | null> {
  const header = request.headers.get("authorization");
  if (header === null) return getSessionPrincipal(request);

  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new ApiError("unauthorized", "Authorization header must be 'Bearer <token>'");
  }
  const principal = await authenticateToken(match[1]);
  if (!principal) throw new ApiError("unauthorized", "API token is invalid, expired or revoked");

  return principal;
}

async function readParams(context: NextContext | undefined): Promise<Record<string, string>> {
  const raw = (await context?.params) ?? {};

  return Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.join("/") : value,
    ]),
  );
}

function errorResponse(error: ApiError, errorId: string): Response {
  const body: ErrorBody = { errorType: error.errorType, message: error.message, errorId };
  if (error.errors) body.errors = error.errors;
  const headers = new Headers();
  if (error.errorType === "unauthorized")
    headers.set("WWW-Authenticate", 'Bearer realm="tripline"');

  return NextResponse.json(body, { status: error.status, headers });
}

/** Maps any error to the API's error body; the id is in the log line too. */
export function handleError(error: unknown, log: Logger): Response {
  const errorId = randomUUID();
  const known =
    error instanceof ApiError ? error : error instanceof ZodError ? validationError(error) : null;
  if (known) {
    log.warn({ errorId, errorType: known.errorType, status: known.status }, "request refused");

    return errorResponse(known, errorId);
  }
  log.error({ errorId, err: error }, "request failed");
  const message = `internal error; quote ${errorId} when reporting it`;

  return errorResponse(new ApiError("internal_error", message), errorId);
}
