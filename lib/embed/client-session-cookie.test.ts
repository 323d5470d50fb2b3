import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { openDb, type DbHandle } from "@/lib/db/client";
import { insertCompany } from "@/lib/db/queries/companies";
import { updateEmbedSettings } from "@/lib/db/queries/embed-settings";
import { actorRef } from "@/lib/auth/actor";
import { sessionCookieName } from "@/lib/auth/session-claims";

/**
 * Every way a client gets a session cookie goes through `signInClientSession`: a setup link opened by
 * URL or by `SagePushSetup.open({ token })` (both `/s/<token>`), and a short code typed at `/go`. Over
 * HTTPS an embedded sign-in's cookie is `SameSite=None; Secure; Partitioned`; over HTTP, or not
 * embedded, it stays as Auth.js set it (Lax).
 */

type Cookie = { name: string; value: string; httpOnly?: boolean; path?: string; sameSite?: string; secure?: boolean; partitioned?: boolean };
const jar = new Map<string, Cookie>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => jar.get(name),
    getAll: () => [...jar.values()],
    set: (cookie: Cookie) => void jar.set(cookie.name, cookie),
    delete: (name: string) => void jar.delete(name),
  }),
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7" }),
}));
// Auth.js's sign-in: sets its usual Lax session cookie, then redirects by throwing, as it does.
vi.mock("@/lib/auth/auth", () => ({
  signIn: async () => {
    const name = sessionCookieName(false);
    jar.set(name, { name, value: "session-jwe", httpOnly: true, path: "/", sameSite: "lax" });
    throw new Error("NEXT_REDIRECT");
  },
}));
let handle: DbHandle;
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getDb: async () => handle.db,
}));

const dataDir = mkdtempSync(path.join(tmpdir(), "client-session-cookie-"));
const HOST = "https://app.example.com";

beforeAll(async () => {
  handle = await openDb({ dataDir: "memory" });
  await updateEmbedSettings(handle.db, { allowedOrigins: [HOST], logo: "none", primaryColour: "#174bb0" });
});
afterAll(async () => {
  await handle?.close();
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(() => jar.clear());

/** The app's modules as loaded under `appUrl` (the environment is read once per load). */
async function underAppUrl(appUrl: string) {
  vi.resetModules();
  vi.stubEnv("NODE_ENV", "test");
  vi.stubEnv("DEMO", "");
  vi.stubEnv("DATA_DIR", dataDir);
  vi.stubEnv("APP_URL", appUrl);
  vi.stubEnv("AUTH_SECRET", "client-session-cookie-test-secret-0123456789");
  const { openSetupLink } = await import("@/lib/setup-links/open-setup-link");
  const { enterShortCodeAction } = await import("@/lib/setup-links/enter-short-code-action");
  const { issueSetupLink } = await import("@/lib/setup-links/issue-setup-link");
  const newLink = async () => {
    const company = await insertCompany(handle.db, { name: `Cookie ${randomUUID().slice(0, 6)} Ltd`, flow: "new", codatCompanyId: randomUUID(), codatConnectionId: null, connectionStatus: null, linkUrl: null, createdBy: null });
    return issueSetupLink(handle.db, { companyId: company.id, actor: actorRef({ type: "system" }), appUrl });
  };
  const paths = {
    "setup link (/s/<token>, by URL or by embed.js's token)": async (embedOrigin: string | null) => {
      const link = await newLink();
      await openSetupLink(new Headers(), link.token, embedOrigin).catch((e: unknown) => e);
    },
    "short code at /go": async (embedOrigin: string | null) => {
      const link = await newLink();
      const form = new FormData();
      form.set("code", link.shortCode);
      if (embedOrigin) form.set("embedOrigin", embedOrigin);
      await enterShortCodeAction({}, form).catch((e: unknown) => e);
    },
  };
  return paths;
}

const session = () => jar.get(sessionCookieName(false));
const paths = ["setup link (/s/<token>, by URL or by embed.js's token)", "short code at /go"] as const;

describe.each(paths)("the client's session cookie: %s", (name) => {
  it("over HTTPS, embedded from a listed origin: SameSite=None; Secure; Partitioned, and the origin kept alike", async () => {
    const signIn = (await underAppUrl("https://push.example.test"))[name];
    await signIn(HOST);
    expect(session()).toMatchObject({ value: "session-jwe", httpOnly: true, sameSite: "none", secure: true, partitioned: true });
    expect(jar.get("embed-origin")).toMatchObject({ value: HOST, httpOnly: true, sameSite: "none", secure: true, partitioned: true });
  });

  it("over HTTPS, not embedded or from an unlisted origin: Lax as Auth.js set it, no origin kept", async () => {
    const signIn = (await underAppUrl("https://push.example.test"))[name];
    for (const origin of [null, "https://evil.example.com"]) {
      jar.clear();
      jar.set("embed-origin", { name: "embed-origin", value: "https://stale.example.com" });
      await signIn(origin);
      expect(session(), String(origin)).toMatchObject({ sameSite: "lax" });
      expect(session()?.partitioned, String(origin)).toBeUndefined();
      expect(jar.has("embed-origin"), String(origin)).toBe(false);
    }
  });

  it("over HTTP (a local run), embedded: the session stays Lax (same-site pages keep it); the origin is kept with Lax", async () => {
    const signIn = (await underAppUrl("http://127.0.0.1:3999"))[name];
    await signIn(HOST);
    expect(session()).toMatchObject({ sameSite: "lax" });
    expect(session()?.partitioned).toBeUndefined();
    expect(jar.get("embed-origin")).toMatchObject({ value: HOST, sameSite: "lax" });
    expect(jar.get("embed-origin")?.secure).toBeUndefined();
  });
});

describe("/go inside an embed with no embedOrigin in the form", () => {
  it("keeps the origin the session already holds, re-checked against the list", async () => {
    const signIn = (await underAppUrl("https://push.example.test"))["short code at /go"];
    jar.set("embed-origin", { name: "embed-origin", value: HOST });
    await signIn(null);
    expect(session()).toMatchObject({ sameSite: "none", secure: true, partitioned: true });
  });
});
