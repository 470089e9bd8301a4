import { Agent, errors, request } from "undici";

import { guardedLookup, TargetRefused, type TargetPolicy } from "./target-guard";

export const RESPONSE_BODY_LIMIT = 20 * 1024;

export interface HttpCall {
  url: URL;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

export interface HttpResult {
  statusCode: number | null;
  /** Why no 2xx: a network error, a timeout, a refusal, or the status. Null on success. */
  error: string | null;
  /** The endpoint did not answer in time: back off harder before the next try. */
  timedOut: boolean;
  /** The target was refused by the SSRF guard; retrying cannot help. */
  refused: boolean;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
  durationMs: number;
}

const agents = new Map<string, Agent>();

/**
 * One keep-alive pool per target policy (in practice one per process): the
 * guard lives in the pool's connect step, so every new socket is checked and
 * reused sockets were checked when they opened.
 */
function agentFor(policy: TargetPolicy): Agent {
  const key = `${policy.allowHttp}|${policy.allowedTargets.join(",")}|${policy.resolve ? "custom" : "dns"}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 120_000,
      connections: 64,
      pipelining: 1,
      connect: { lookup: guardedLookup(policy), timeout: 10_000 },
    });
    agents.set(key, agent);
  }

  return agent;
}

/** Closes every pool; a stopping worker calls it so the process can exit. */
export async function closeHttpPools(): Promise<void> {
  const all = [...agents.values()];
  agents.clear();
  await Promise.all(all.map((agent) => agent.close().catch(() => undefined)));
}

function flatHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }

  return out;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    const code = "code" in error && typeof error.code === "string" ? `${error.code} ` : "";

    return `${code}${error.message}${cause}`.slice(0, 1000);
  }

  return String(error).slice(0, 1000);
}

function isRefusal(error: unknown): boolean {
  if (error instanceof TargetRefused) return true;

  return error instanceof Error && error.cause instanceof TargetRefused;
}

/** Reads at most the limit, then drops the rest so the socket can be reused. */
async function readCapped(
  body: AsyncIterable<Buffer> & { dump(): Promise<void> },
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= RESPONSE_BODY_LIMIT) break;
  }
  if (size >= RESPONSE_BODY_LIMIT) await body.dump().catch(() => undefined);

  return Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString("utf8");
}

/**
 * One POST. Redirects are never followed (undici's request does not follow
 * them; a 3xx is a failure like any other non-2xx), and the whole call,
 * body included, must finish within the timeout.
 */
export async function postJson(call: HttpCall, policy: TargetPolicy): Promise<HttpResult> {
  const started = performance.now();
  const signal = AbortSignal.timeout(call.timeoutMs);
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await request(call.url, {
      method: "POST",
      headers: call.headers,
      body: call.body,
      dispatcher: agentFor(policy),
      signal,
      headersTimeout: call.timeoutMs,
      bodyTimeout: call.timeoutMs,
    });
    const responseBody = await readCapped(response.body);
    const ok = response.statusCode >= 200 && response.statusCode < 300;

    return {
      statusCode: response.statusCode,
      error: ok ? null : `endpoint answered ${response.statusCode}`,
      timedOut: false,
      refused: false,
      responseHeaders: flatHeaders(response.headers),
      responseBody,
      durationMs: elapsed(),
    };
  } catch (error) {
    const timedOut =
      signal.aborted ||
      error instanceof errors.HeadersTimeoutError ||
      error instanceof errors.BodyTimeoutError ||
      error instanceof errors.ConnectTimeoutError;

    return {
      statusCode: null,
      error: timedOut ? `no answer within ${call.timeoutMs} ms` : describe(error),
      timedOut,
      refused: isRefusal(error),
      responseHeaders: null,
      responseBody: null,
      durationMs: elapsed(),
    };
  }
}
