import { ApiError } from "./errors";

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * lens-api.md §1 asks for `application/json` exactly: no `+json` relatives.
 * A charset parameter is allowed when it says UTF-8, the only encoding JSON
 * has (RFC 8259) and the one the body is read in.
 */
export function isJsonContentType(header: string | null): boolean {
  if (header === null) return false;
  const [mediaType, ...parameters] = header.split(";").map((part) => part.trim().toLowerCase());
  if (mediaType !== "application/json") return false;

  return parameters.every((parameter) => parameter === "" || UTF8_CHARSET.test(parameter));
}

const UTF8_CHARSET = /^charset\s*=\s*"?utf-8"?$/;

/**
 * Reads a JSON body, refusing other media types (415) and bodies larger than
 * the limit (413) without buffering more than the limit.
 */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    throw new ApiError(
      "unsupported_media_type",
      "Content-Type must be application/json (optionally with charset=utf-8)",
    );
  }

  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);

  const text = await readLimited(request, limit);
  if (text.trim() === "") {
    throw new ApiError("bad_request", "request body is empty; send a JSON object");
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : "";

    throw new ApiError("bad_request", `request body is not valid JSON${detail}`);
  }
}

async function readLimited(request: Request, limit: number): Promise<string> {
  if (!request.body) return "";

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();

      throw tooLarge(limit);
    }
    chunks.push(value);
  }

  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge(limit: number): ApiError {
  return new ApiError("payload_too_large", `request body is larger than ${limit} bytes`);
}
