import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { readSessionClaims, sessionCookieName } from "./session-claims";

const SECRET = "s".repeat(40);
const CLIENT = { kind: "client", companyId: "c1", linkId: "l1" } as const;

function jar(entries: Record<string, string>) {
  return {
    get: (name: string) => (name in entries ? { value: entries[name]! } : undefined),
    getAll: () => Object.entries(entries).map(([name, value]) => ({ name, value })),
  };
}

async function token(claims: unknown, secure = false, maxAge = 3600) {
  return encode({ token: { claims }, secret: SECRET, salt: sessionCookieName(secure), maxAge });
}

describe("readSessionClaims", () => {
  it("reads the claims of a session cookie made with our secret", async () => {
    const value = await token(CLIENT);
    expect(await readSessionClaims(jar({ [sessionCookieName(false)]: value }), SECRET, false)).toEqual(CLIENT);
    const secure = await token({ ...CLIENT, linkId: "l2" }, true);
    expect(await readSessionClaims(jar({ "__Secure-authjs.session-token": secure }), SECRET, true)).toMatchObject({ linkId: "l2" });
  });

  it("joins a token split over several cookies", async () => {
    const value = await token({ ...CLIENT, linkId: "chunked" });
    const name = sessionCookieName(false);
    const cookies = jar({ [`${name}.1`]: value.slice(100), [`${name}.0`]: value.slice(0, 100) });
    expect(await readSessionClaims(cookies, SECRET, false)).toMatchObject({ linkId: "chunked" });
  });

  it("refuses a missing, foreign, tampered, wrongly named or expired cookie", async () => {
    const name = sessionCookieName(false);
    const value = await token({ ...CLIENT, linkId: "x" });
    expect(await readSessionClaims(jar({}), SECRET, false)).toBeNull();
    expect(await readSessionClaims(jar({ [name]: value }), "t".repeat(40), false)).toBeNull();
    expect(await readSessionClaims(jar({ [name]: `${value.slice(0, -4)}AAAA` }), SECRET, false)).toBeNull();
    expect(await readSessionClaims(jar({ [name]: "not-a-token" }), SECRET, false)).toBeNull();
    // A secure deployment does not read the plain cookie name (nor its salt).
    expect(await readSessionClaims(jar({ [name]: value }), SECRET, true)).toBeNull();
    const soon = await token({ ...CLIENT, linkId: "short" }, false, 60);
    expect(await readSessionClaims(jar({ [name]: soon }), SECRET, false)).toMatchObject({ linkId: "short" });
    // Remembered after the first read, but still refused once it has expired.
    expect(await readSessionClaims(jar({ [name]: soon }), SECRET, false, Date.now() + 61_000)).toBeNull();
  });

  it("ignores a token whose claims are not ours", async () => {
    const value = await token({ kind: "admin-override" });
    expect(await readSessionClaims(jar({ [sessionCookieName(false)]: value }), SECRET, false)).toBeNull();
  });
});
