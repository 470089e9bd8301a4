import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP, type LookupFunction } from "node:net";

/**
 * The SSRF guard. Only public addresses may be called unless the
 * configuration allows a range; the check runs inside the connection's own
 * DNS lookup, so the socket goes to the address that was checked and a name
 * that changes its answer between check and connect (DNS rebinding) gains
 * nothing.
 */
export interface TargetPolicy {
  allowHttp: boolean;
  /** CIDRs opened by TRIPLINE_ALLOWED_TARGETS. */
  allowedTargets: readonly string[];
  /** Resolves a name to addresses; the system resolver unless a test injects one. */
  resolve?: (hostname: string) => Promise<string[]>;
}

export class TargetRefused extends Error {
  override name = "TargetRefused";
}

const BLOCKED_V4 = [
  ["0.0.0.0", 8], // "this network", unspecified
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // CGNAT (also Alibaba's metadata 100.100.100.200)
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved and broadcast
] as const;

const BLOCKED_V6 = [
  ["::", 96], // unspecified, loopback and the old IPv4-compatible form
  ["::ffff:0:0", 96], // IPv4-mapped: would reach an IPv4 address around the v4 rules
  ["64:ff9b::", 96], // NAT64
  ["100::", 64],
  ["2001:db8::", 32],
  ["2002::", 16], // 6to4 embeds an IPv4 address
  ["fc00::", 7], // unique local (AWS metadata fd00:ec2::254)
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const;

// One list per family: a BlockList matches IPv4 addresses against IPv4-mapped
// IPv6 rules, which would make ::ffff:0:0/96 block every IPv4 address.
const blocked = { ipv4: new BlockList(), ipv6: new BlockList() };
for (const [net, prefix] of BLOCKED_V4) blocked.ipv4.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of BLOCKED_V6) blocked.ipv6.addSubnet(net, prefix, "ipv6");

function family(address: string): "ipv4" | "ipv6" {
  return isIP(address) === 6 ? "ipv6" : "ipv4";
}

const allowCache = new Map<string, BlockList>();

/** Throws on a CIDR that does not parse, so a bad setting fails at start-up. */
export function allowList(cidrs: readonly string[]): BlockList {
  const cacheKey = cidrs.join(",");
  const cached = allowCache.get(cacheKey);
  if (cached) return cached;
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [net = "", prefix] = cidr.split("/");
    const kind = isIP(net);
    if (!kind) throw new Error(`TRIPLINE_ALLOWED_TARGETS: '${cidr}' is not a CIDR`);
    const bits = prefix === undefined ? (kind === 4 ? 32 : 128) : Number(prefix);
    if (!Number.isInteger(bits) || bits < 0 || bits > (kind === 4 ? 32 : 128)) {
      throw new Error(`TRIPLINE_ALLOWED_TARGETS: '${cidr}' has a bad prefix length`);
    }
    list.addSubnet(net, bits, kind === 4 ? "ipv4" : "ipv6");
  }
  allowCache.set(cacheKey, list);

  return list;
}

/** Why an address may not be called, or null when it may. */
export function addressRefusal(address: string, policy: TargetPolicy): string | null {
  const kind = family(address);
  if (!isIP(address)) return `'${address}' is not an IP address`;
  if (allowList(policy.allowedTargets).check(address, kind)) return null;
  if (blocked[kind].check(address, kind)) return `${address} is not a public address`;

  return null;
}

/** The checks that need no DNS: scheme, credentials, and literal addresses. */
export function checkUrl(raw: string, policy: TargetPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetRefused("not a valid URL");
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && policy.allowHttp)) {
    throw new TargetRefused(
      policy.allowHttp ? "only http and https URLs may be called" : "only https URLs may be called",
    );
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) {
    const refusal = addressRefusal(host, policy);
    if (refusal) throw new TargetRefused(refusal);
  }

  return url;
}

async function systemResolve(hostname: string): Promise<string[]> {
  const found = await dnsLookup(hostname, { all: true, verbatim: true });

  return found.map((entry) => entry.address);
}

/**
 * A `lookup` for net/tls.connect that resolves, refuses the whole name when
 * any of its addresses is not allowed (an attacker's name may mix public and
 * private answers), and hands the socket only checked addresses.
 */
export function guardedLookup(policy: TargetPolicy): LookupFunction {
  const resolve = policy.resolve ?? systemResolve;

  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const refusal = addresses.length
          ? addresses.map((address) => addressRefusal(address, policy)).find(Boolean)
          : `${hostname} has no addresses`;
        if (refusal) {
          callback(new TargetRefused(`${hostname}: ${refusal}`), "", 4);
          return;
        }
        const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = addresses.filter((address) => !wanted || isIP(address) === wanted);
        const first = usable[0];
        if (first === undefined) {
          callback(new TargetRefused(`${hostname} has no IPv${wanted} address`), "", 4);
          return;
        }
        if (options.all) {
          callback(
            null,
            usable.map((address) => ({ address, family: isIP(address) })),
          );
          return;
        }
        callback(null, first, isIP(first));
      },
      (error: unknown) =>
        callback(error instanceof Error ? error : new Error(String(error)), "", 4),
    );
  };
}

/** Refuses a URL before it is stored or sent: the scheme, literal and resolved addresses. */
export async function assertTargetAllowed(raw: string, policy: TargetPolicy): Promise<void> {
  const url = checkUrl(raw, policy);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return;
  const addresses = await (policy.resolve ?? systemResolve)(host).catch(() => []);
  if (!addresses.length) throw new TargetRefused(`${host} does not resolve`);
  const refusal = addresses.map((address) => addressRefusal(address, policy)).find(Boolean);
  if (refusal) throw new TargetRefused(`${host}: ${refusal}`);
}
