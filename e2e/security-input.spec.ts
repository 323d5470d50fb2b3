import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { test, expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { ROLES, ROUTES, type MatrixContext, type Role, type RouteEntry } from "./support/route-registry";
import { prepareMatrixContext } from "./support/matrix-context";
import {
  PASSWORD_KEYS,
  contentTypes,
  hostileHeaders,
  hostileJson,
  hostileParam,
  hostileQuery,
  hostileString,
  malformedBodyText,
  mutated,
  oversizedBodyText,
  withPasswordField,
} from "../lib/security/testing/hostile-input";

/**
 * Bad input never breaks the server: every JSON route, sent malformed, oversized, wrongly typed and
 * hostile bodies, path parameters, query strings and headers (as an actor who passes its guard, so
 * the input is really read), answers below 500 and, when it refuses, with { error: { code, message } }.
 * Password-like fields are refused everywhere but staff sign-in; bodies are capped at 16 KB.
 */
const RUNS = Number(process.env.SECURITY_FUZZ_RUNS ?? 30);
const root = path.resolve(import.meta.dirname, "..");
const marker = `Sage50-Secret-${Date.now().toString(36)}`;

let ctx: MatrixContext;
const sessions = new Map<Role, APIRequestContext>();
let restore: { sim: Record<string, unknown>; settings: Record<string, unknown> };

test.beforeAll(async ({ playwright }, testInfo) => {
  testInfo.setTimeout(120_000);
  for (const role of ROLES) sessions.set(role, await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL }));
  ctx = await prepareMatrixContext((role) => sessions.get(role)!, process.env.SIMULATOR_API_KEY ?? "simulator");
  const sim = (await (await sessions.get("anonymous")!.get("/api/sim/config")).json()) as Record<string, unknown>;
  const { settings } = (await (await sessions.get("admin")!.get("/api/settings")).json()) as { settings: Record<string, unknown> };
  restore = { sim, settings };
});

test.afterAll(async () => {
  // A fuzzed body may have been valid: put the shared knobs back for the specs that follow.
  const { latencyMs, errorRate5xx, errorRate429, processingDelayMs, minuteMs, webhookUrl, webhooksEnabled } = restore.sim;
  const { integratorName, pushCurrencies, supportContact, testPushTimeoutMinutes } = restore.settings;
  await settle(() => sessions.get("anonymous")!.put("/api/sim/config", { data: { latencyMs, errorRate5xx, errorRate429, processingDelayMs, minuteMs, webhookUrl, webhooksEnabled } }));
  await settle(() => sessions.get("admin")!.put("/api/settings", { data: { integratorName, pushCurrencies, supportContact, testPushTimeoutMinutes } }));
  for (const s of sessions.values()) await s.dispose();
});

/** A kept-alive connection the server just closed answers ECONNRESET once: try again. */
async function settle(call: () => Promise<APIResponse>) {
  for (let attempt = 1; ; attempt++) {
    try {
      expect((await call()).status()).toBe(200);
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

const jsonRoutes = ROUTES.filter((r): r is RouteEntry & { json: NonNullable<RouteEntry["json"]> } => r.json !== undefined);
const bodyRoutes = jsonRoutes.filter((r) => r.json.readsBody && r.area === "app");
const hasBody = (r: RouteEntry) => r.method !== "GET";

/**
 * A path segment for a hostile value: encoded (lone surrogates made well-formed), or raw percent-mess.
 * Dot segments are left out: URL normalisation makes them another path, not a bad parameter.
 */
function segment(value: string, raw: boolean): string {
  const text = raw ? value.replace(/[/?#\s]/g, "") || "%" : encodeURIComponent(value.replace(/[\ud800-\udfff]/g, "\ufffd"));
  return /^(\.|%2e){1,2}$/i.test(text) ? "dots" : text;
}

/** The template with each [param] (or [...param]) replaced by a hostile value. */
function hostilePath(template: string): fc.Arbitrary<string> {
  const names = template.match(/\[[^\]]+\]/g) ?? [];
  const value = fc.oneof(
    { weight: 4, arbitrary: hostileParam.map((v) => segment(v, false)) },
    { weight: 1, arbitrary: fc.constantFrom("%", "%ff", "%c0%af", "%e2%82", "%00", "%252e", "%zz").map((v) => segment(v, true)) },
  );
  return fc.array(value, { minLength: names.length, maxLength: names.length }).map((values) => {
    let i = 0;
    return template.replace(/\[[^\]]+\]/g, () => values[i++] ?? "x");
  });
}

type Fuzzed = { path: string; contentType: string; body: string | null; headers: Record<string, string> };

function fuzzedRequest(entry: RouteEntry): fc.Arbitrary<Fuzzed> {
  const sample = entry.sample(ctx, entry.json?.fuzzAs ?? "anonymous");
  const base = sample.path.split("?")[0]!;
  const body = hasBody(entry)
    ? fc.oneof(
        { weight: 3, arbitrary: mutated(sample.body ?? {}).map((v) => JSON.stringify(v)) },
        { weight: 2, arbitrary: hostileJson.map((v) => JSON.stringify(v) ?? "null") },
        { weight: 2, arbitrary: malformedBodyText },
        { weight: 1, arbitrary: oversizedBodyText },
        { weight: 1, arbitrary: fc.constant(null) },
      )
    : fc.constant(null);
  return fc.record({
    path: fc.tuple(fc.oneof(fc.constant(base), hostilePath(entry.template)), fc.option(hostileQuery)).map(([p, q]) => (q ? `${p}?${q}` : p)),
    contentType: fc.oneof({ weight: 3, arbitrary: fc.constant("application/json") }, { weight: 1, arbitrary: contentTypes }),
    body,
    headers: hostileHeaders,
  });
}

async function send(session: APIRequestContext, method: string, req: Fuzzed): Promise<APIResponse> {
  const headers = { ...req.headers, ...(req.contentType ? { "Content-Type": req.contentType } : {}) };
  return session.fetch(req.path, { method, headers, ...(req.body === null ? {} : { data: req.body }), maxRedirects: 0, timeout: 20_000 });
}

async function errorShape(res: APIResponse): Promise<{ code: string; message: string } | null> {
  const body = (await res.json().catch(() => null)) as { error?: { code?: unknown; message?: unknown } } | null;
  const e = body?.error;
  return typeof e?.code === "string" && typeof e.message === "string" ? { code: e.code, message: e.message } : null;
}

for (const entry of jsonRoutes) {
  test(`${entry.method} ${entry.template}: hostile input never gets a 5xx, refusals keep the error shape`, async () => {
    const session = sessions.get(entry.json.fuzzAs)!;
    await fc.assert(
      fc.asyncProperty(fuzzedRequest(entry), async (req) => {
        const res = await send(session, entry.method, req);
        const status = res.status();
        expect(status, `${entry.method} ${req.path}`).toBeLessThan(500);
        if (status >= 400) expect(await errorShape(res), `${status} from ${entry.method} ${req.path}`).not.toBeNull();
      }),
      { numRuns: RUNS },
    );
  });
}

test("a password-like field is refused by every route that reads a body (422 password_not_accepted)", async () => {
  for (const entry of bodyRoutes) {
    const session = sessions.get(entry.json!.fuzzAs)!;
    const sample = entry.sample(ctx, entry.json!.fuzzAs);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PASSWORD_KEYS), fc.boolean(), fc.string({ maxLength: 12 }), async (key, nested, suffix) => {
        const value = `${marker}${suffix.replace(/[^\w]/g, "")}`;
        const res = await session.fetch(sample.path, { method: entry.method, data: withPasswordField(sample.body, key, value, nested) });
        expect(res.status(), `${entry.method} ${entry.template} with "${key}"`).toBe(422);
        const error = await errorShape(res);
        expect(error?.code).toBe("password_not_accepted");
        expect(error?.message).not.toContain(marker);
      }),
      { numRuns: Math.max(5, Math.round(RUNS / 3)) },
    );
  }
});

test("bodies over 16 KB get 413 and bodies that are not JSON get 415, on every route that reads a body", async () => {
  for (const entry of bodyRoutes) {
    const session = sessions.get(entry.json!.fuzzAs)!;
    const sample = entry.sample(ctx, entry.json!.fuzzAs);
    await fc.assert(
      fc.asyncProperty(oversizedBodyText, async (body) => {
        const res = await session.fetch(sample.path, { method: entry.method, headers: { "Content-Type": "application/json" }, data: body });
        expect(res.status(), `${entry.method} ${entry.template} with ${body.length} bytes`).toBe(413);
        expect((await errorShape(res))?.code).toBe("payload_too_large");
      }),
      { numRuns: 3 },
    );
    const plain = await session.fetch(sample.path, { method: entry.method, headers: { "Content-Type": "text/plain" }, data: JSON.stringify(sample.body ?? {}) });
    expect(plain.status(), `${entry.method} ${entry.template} as text/plain`).toBe(415);
  }
});

test("setup links and Auth.js's endpoints shrug off hostile tokens and bodies", async () => {
  const anonymous = sessions.get("anonymous")!;
  await fc.assert(
    // A lone surrogate cannot be put in a URL at all (encodeURIComponent throws): no client could send it.
    fc.asyncProperty(hostileParam.filter(encodable), fc.ipV4(), async (token, ip) => {
      const res = await anonymous.get(`/s/${encodeURIComponent(token)}`, { headers: { "X-Forwarded-For": ip }, maxRedirects: 0 });
      expect(res.status(), `/s/${token}`).toBeLessThan(500);
    }),
    { numRuns: RUNS },
  );
  const actions = ["session", "csrf", "providers", "signin", "signout", "callback/staff", "callback/setup-link", "callback/nope", "nope", "signin/staff"];
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...actions), fc.constantFrom("GET", "POST"), fc.dictionary(fc.string({ maxLength: 10 }), hostileString, { maxKeys: 4 }), async (action, method, form) => {
      const res = await anonymous.fetch(`/api/auth/${action}`, { method, ...(method === "POST" ? { form } : {}), maxRedirects: 0 });
      expect(res.status(), `${method} /api/auth/${action}`).toBeLessThan(500);
    }),
    { numRuns: RUNS },
  );
});

test("the Sage 50 passwords sent above are nowhere in the server's output", () => {
  const log = readFileSync(path.join(root, "test-results", "e2e-server.log"), "utf8");
  expect(log.length).toBeGreaterThan(0);
  expect(log.includes(marker), "a refused password reached the server log").toBe(false);
});

function encodable(value: string): boolean {
  try {
    encodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}
