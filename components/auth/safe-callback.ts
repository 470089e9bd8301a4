/**
 * Where to go after signing in: only a path on this site, so a crafted link
 * cannot send a fresh session to another host.
 */
export function safeCallbackUrl(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path?.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";

  return path;
}
