import type { NextRequest } from "next/server";

import { ApiError } from "./errors";

/**
 * Browsers send cookies with cross-site requests, so a write authenticated by
 * the session cookie must come from our own pages: its Origin must name the
 * host the request was sent to. Bearer-token calls never reach this check.
 */
export function assertSameOrigin(request: NextRequest): void {
  const origin = request.headers.get("origin");
  const host =
    request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? request.nextUrl.host;
  if (origin !== null) {
    try {
      if (new URL(origin).host === host) return;
    } catch {
      // A malformed Origin is refused below.
    }
  } else if (origin === null && request.headers.get("sec-fetch-site") === "same-origin") {
    return;
  }

  throw new ApiError("forbidden", "cross-origin request refused; use the console or an API token");
}
