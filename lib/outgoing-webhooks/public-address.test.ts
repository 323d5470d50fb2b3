import type { LookupAddress, LookupOptions } from "node:dns";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { connectLookup, type UrlPolicy } from "./public-address";

const resolvingTo = (...addresses: string[]): UrlPolicy => ({ production: true, resolve: async () => addresses });

/** Calls a lookup as Node's sockets do, in the one-address or the every-address form. */
function lookUp(policy: UrlPolicy, options: LookupOptions) {
  const lookup = connectLookup(policy)!;
  return new Promise<{ err: Error | null; address: string | LookupAddress[]; family?: number }>((resolve) =>
    lookup("hooks.example.com", options, (err, address, family) => resolve({ err, address, family })),
  );
}

describe("connectLookup: where a delivery's socket may connect", () => {
  it("outside production the system's resolver is used", () => {
    expect(connectLookup({ production: false, resolve: async () => ["127.0.0.1"] })).toBeUndefined();
  });

  it("hands over exactly the public addresses it checked, in either form", async () => {
    const policy = resolvingTo("93.184.215.14", "2606:2800:220:1::1");
    expect(await lookUp(policy, { all: true })).toEqual({
      err: null,
      address: [
        { address: "93.184.215.14", family: 4 },
        { address: "2606:2800:220:1::1", family: 6 },
      ],
      family: undefined,
    });
    expect(await lookUp(policy, {})).toEqual({ err: null, address: "93.184.215.14", family: 4 });
  });

  it("refuses a name with any private, loopback or link-local address, or none, or that does not resolve", async () => {
    for (const policy of [
      resolvingTo("93.184.215.14", "10.0.0.7"),
      resolvingTo("::ffff:127.0.0.1"),
      resolvingTo("169.254.169.254"),
      resolvingTo(),
    ]) {
      const { err } = await lookUp(policy, { all: true });
      expect(err instanceof AppError && err.code).toBe("endpoint_url_refused");
    }
    const { err } = await lookUp({ production: true, resolve: async () => Promise.reject(new Error("ENOTFOUND hooks.example.com")) }, {});
    expect(err?.message).toBe("ENOTFOUND hooks.example.com");
  });
});
