import "server-only";
// Where Latchkey may POST a webhook. Outside development (WEBHOOK_ALLOW_LOCAL_URLS false, the production
// default) an endpoint must be https and its host must not be, or resolve to, a loopback, private, link-local,
// carrier-grade NAT, multicast or otherwise reserved address: a registered URL cannot make Latchkey call into
// its own network (SSRF). The check runs at registration and again before every attempt (a DNS answer can
// change), and redirects are never followed.
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { readServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** Whether `address` (an IP literal) is one a production webhook may not reach. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    // An IPv4-mapped IPv6 address (dotted, or in hex as URL parsing writes it) is judged as the IPv4 address it carries.
    const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (dotted) return blocked.check(dotted[1]!, "ipv4");
    const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
    if (hex) {
      const high = parseInt(hex[1]!, 16);
      const low = parseInt(hex[2]!, 16);
      return blocked.check(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, "ipv4");
    }
    return blocked.check(address, "ipv6");
  }
  return blocked.check(address, "ipv4");
}

export type Resolver = (hostname: string) => Promise<string[]>;

const systemResolver: Resolver = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

function refuse(message: string): never {
  throw new AppError("invalid_input", message, { details: { field: "url" } });
}

/** Parses a URL an admin or API caller gives: http(s), no credentials in it, at most 2048 characters. */
export function parseEndpointUrl(raw: string, allowLocal = readServerEnv().WEBHOOK_ALLOW_LOCAL_URLS): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse("The URL is not a valid absolute URL.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") refuse("The URL must start with https://.");
  if (!allowLocal && url.protocol !== "https:") refuse("The URL must use https.");
  if (url.username || url.password) refuse("The URL must not contain a user name or password.");
  if (url.hash) refuse("The URL must not contain a #fragment.");
  return url;
}

/**
 * Throws `invalid_input` unless a webhook may be sent to `raw` now. With local URLs allowed (development and
 * tests), anything http(s) passes; otherwise https only, to a host whose every address is public.
 */
export async function assertDeliverableUrl(raw: string, options: { allowLocal?: boolean; resolve?: Resolver } = {}): Promise<URL> {
  const allowLocal = options.allowLocal ?? readServerEnv().WEBHOOK_ALLOW_LOCAL_URLS;
  const url = parseEndpointUrl(raw, allowLocal);
  if (allowLocal) return url;
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal") || host.endsWith(".local")) refuse("The URL's host is not a public address.");
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await (options.resolve ?? systemResolver)(host);
    } catch {
      return refuse("The URL's host name does not resolve.");
    }
  }
  if (addresses.length === 0 || addresses.some(isNonPublicAddress)) refuse("The URL's host is not a public address (loopback, private and link-local networks are refused).");
  return url;
}
