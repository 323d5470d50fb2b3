import { lookup } from "node:dns/promises";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";

/** Addresses an endpoint must not resolve to in production: private, loopback, link-local and the like. */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local (cloud metadata)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
  ["64:ff9b::", 96], // NAT64 (could reach any IPv4 address)
  ["2002::", 16], // 6to4
] as const) blocked.addSubnet(net, prefix, "ipv6");

/** Whether an IP address (v4 or v6, IPv4-mapped IPv6 included) is one an endpoint may not use. */
function isBlockedAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isBlockedAddress(mapped[1]!);
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Every address a host name resolves to. */
type Resolve = (host: string) => Promise<string[]>;

const resolveWithDns: Resolve = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** How endpoint URLs are checked: in production HTTPS only, and never to a private address. */
export type UrlPolicy = { production: boolean; resolve: Resolve };

export function defaultUrlPolicy(): UrlPolicy {
  return { production: getEnv().strict, resolve: resolveWithDns };
}

const PRIVATE_REFUSAL = "A webhook endpoint must not resolve to a private, loopback or link-local address.";

/** Whether a name's addresses may be called: at least one, and none of them blocked. */
const allPublic = (addresses: string[]) => addresses.length > 0 && !addresses.some(isBlockedAddress);

/**
 * Refuses an endpoint URL that production must not call: not HTTPS, or a host that resolves to a
 * private, loopback or link-local address. Run at creation and again before every try (a name may
 * resolve elsewhere later: DNS rebinding). Demo and tests (not production) may use any http(s) URL.
 */
export async function checkEndpointUrl(url: string, policy: UrlPolicy): Promise<void> {
  if (!policy.production) return;
  const parsed = new URL(url);
  if (parsed.protocol !== "https:") throw new AppError("endpoint_url_refused", "In production a webhook endpoint must use https://.");
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await policy.resolve(host);
  } catch {
    throw new AppError("endpoint_url_refused", `The host ${host} could not be resolved.`);
  }
  if (!allPublic(addresses)) {
    throw new AppError("endpoint_url_refused", PRIVATE_REFUSAL);
  }
}

/**
 * The resolver a delivery's socket uses: in production it resolves the name once more, refuses when
 * any address is private, and hands over exactly the addresses it checked, so a name that changes
 * between the check and the connection (DNS rebinding) cannot send the request inside. Outside
 * production, the system's own resolver (undefined).
 */
export function connectLookup(policy: UrlPolicy): LookupFunction | undefined {
  if (!policy.production) return undefined;
  return (hostname, options, callback) => {
    policy.resolve(hostname).then(
      (addresses) => {
        if (!allPublic(addresses)) {
          callback(new AppError("endpoint_url_refused", PRIVATE_REFUSAL), "", 4);
          return;
        }
        const answers = addresses.map((address) => ({ address, family: isIP(address) }));
        if (options.all) callback(null, answers);
        else callback(null, answers[0]!.address, answers[0]!.family);
      },
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), "", 4),
    );
  };
}
