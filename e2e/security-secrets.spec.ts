import { mkdtempSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { test, expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { ROLES, ROUTES, type Role } from "./support/route-registry";
import { prepareMatrixContext } from "./support/matrix-context";
import { createAppServer, createThrowawayDatabase, freePort, sharedDeploymentEnv } from "../lib/security/testing/app-server";
import { createSetup, openSetupLink, pcAction, postStaffCredentials, setSimConfig } from "../lib/security/testing/flows";
import { PASSWORD_KEYS, withPasswordField } from "../lib/security/testing/hostile-input";

/**
 * Secrets: on a server of our own (PostgreSQL, so every table can be dumped; its output captured),
 * every kind of secret is made and used, in working and failing ways. Then: setup tokens, short codes
 * and API keys are in the database only as hashes; no Sage 50 password is anywhere in it; and none of
 * them, nor a license key (Codat company id), is in the server's output or in any error answer.
 */
const root = path.resolve(import.meta.dirname, "..");
const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;
const normalisedCode = (code: string) => code.replace(/-/g, "").toUpperCase();

test("secrets are stored only as hashes, and never reach logs or error answers", async ({ playwright }) => {
  test.setTimeout(240_000);
  const db = await createThrowawayDatabase(adminUrl);
  test.skip(db === null, `no PostgreSQL at ${adminUrl}`);
  if (!db) return;
  const dataDir = mkdtempSync(path.join(tmpdir(), "push-setup-secrets-"));
  const env = sharedDeploymentEnv(process.env, db.url, dataDir);
  const server = await createAppServer({ name: "secrets", root, port: await freePort(), env, logDir: path.join(root, "test-results", "servers") });
  const sessions = new Map<Role, APIRequestContext>();
  const errorAnswers: string[] = [];
  const keep = async (res: APIResponse) => {
    if (res.status() >= 300) errorAnswers.push(`${res.status()} ${res.headers()["location"] ?? ""} ${await res.text()}`);
    return res;
  };
  try {
    await server.start();
    for (const role of ROLES) sessions.set(role, await playwright.request.newContext({ baseURL: server.url }));
    const as = (role: Role) => sessions.get(role)!;
    const matrix = await prepareMatrixContext(as, env.SIMULATOR_API_KEY!);
    const marker = `Sage50Pw${Date.now().toString(36)}`;
    const passwords: string[] = [];

    // 1. A Sage 50 password sent to every route that reads a body, under every password-like name.
    for (const entry of ROUTES.filter((r) => r.json?.readsBody && r.area === "app")) {
      const role = entry.json!.fuzzAs;
      const sample = entry.sample(matrix, role);
      for (const [i, key] of PASSWORD_KEYS.entries()) {
        const value = `${marker}-${passwords.length}`;
        passwords.push(value);
        const res = await keep(await as(role).fetch(sample.path, { method: entry.method, data: withPasswordField(sample.body, key, value, i % 2 === 1) }));
        expect(res.status(), `${entry.method} ${entry.template} with ${key}`).toBe(422);
      }
    }
    // ... typed into the simulated Sage 50 and connector (stored there as salted hashes only) ...
    const pcPassword = `${marker}-pc`;
    passwords.push(pcPassword);
    await pcAction(as("anonymous"), matrix.companyC.codatCompanyId, { type: "createSageUser", name: "Secret Push", userType: "Administrator", password: pcPassword });
    await pcAction(as("anonymous"), matrix.companyC.codatCompanyId, { type: "installConnector", licenseKey: matrix.companyC.codatCompanyId });
    await pcAction(as("anonymous"), matrix.companyC.codatCompanyId, { type: "chooseDataFile" });
    await pcAction(as("anonymous"), matrix.companyC.codatCompanyId, { type: "saveCredentials", username: "Secret Push", password: pcPassword });
    // ... and as a wrong staff password.
    const staffGuess = `${marker}-staff`;
    passwords.push(staffGuess);
    await keep(await postStaffCredentials(as("anonymous"), "support@example.com", staffGuess));

    // 2. Setup links: issued, handed off, renewed; used right and wrong.
    const setup = await createSetup(as("support"), "Secrets Ltd");
    const handoff = (await (await as("clientA").post(`/api/companies/${matrix.companyA.id}/handoff`)).json()) as { url: string; shortCode: string };
    const renewed = ((await (await as("support").post(`/api/companies/${setup.company.id}/setup-link`)).json()) as { setupLink: { url: string; shortCode: string } }).setupLink;
    const tokens = [tokenOf(setup.setupLink.url), tokenOf(handoff.url), tokenOf(renewed.url)];
    const codes = [setup.setupLink.shortCode, handoff.shortCode, renewed.shortCode];
    const client = await playwright.request.newContext({ baseURL: server.url });
    await openSetupLink(client, renewed.url);
    await keep(await as("anonymous").get(`/s/${tokens[0]}`, { maxRedirects: 0 })); // replaced by the renewal
    await keep(await as("anonymous").get(`/s/${tokens[1]}x`, { maxRedirects: 0 }));
    const csrf = (await (await as("anonymous").get("/api/auth/csrf")).json()) as { csrfToken: string };
    await keep(await as("anonymous").post("/api/auth/callback/setup-link", { form: { csrfToken: csrf.csrfToken, shortCode: codes[0]!, callbackUrl: "/setup" }, maxRedirects: 0 }));
    await keep(await as("anonymous").post("/api/auth/callback/setup-link", { form: { csrfToken: csrf.csrfToken, token: `${tokens[2]}0`, callbackUrl: "/setup" }, maxRedirects: 0 }));

    // 3. API keys: created, used, used wrongly, revoked, used again.
    const created = (await (await as("admin").post("/api/api-keys", { data: { name: "Secrets backend", scopes: ["read"] } })).json()) as { id: string; key: string };
    const readiness = `/api/v1/companies/${matrix.companyA.codatCompanyId}/push-readiness`;
    expect((await as("anonymous").get(readiness, { headers: { Authorization: `Bearer ${created.key}` } })).status()).toBe(200);
    await keep(await as("anonymous").get(readiness, { headers: { Authorization: `Bearer ${created.key}zz` } }));
    await keep(await as("anonymous").get(`/api/v1/companies/${matrix.companyB.codatCompanyId}x/push-readiness`, { headers: { Authorization: `Bearer ${created.key}` } }));
    await as("admin").delete(`/api/api-keys/${created.id}`);
    await keep(await as("anonymous").get(readiness, { headers: { Authorization: `Bearer ${created.key}` } }));

    // 4. License keys through failing paths that log: a Codat outage during an import and a setup.
    const pullOnly = (await (await as("anonymous").post("/api/sim/seed-linked-company", { data: { name: "Pull Only Ltd", everydayUser: "SARAH" } })).json()) as { companyId?: string; codatCompanyId?: string };
    const pullOnlyId = pullOnly.codatCompanyId ?? pullOnly.companyId ?? "";
    await setSimConfig(as("anonymous"), { errorRate5xx: 1 });
    await keep(await as("support").post("/api/imports", { data: { codatCompanyIds: [pullOnlyId] } }));
    await keep(await as("support").post("/api/companies", { data: { name: "Outage Ltd" } }));
    await keep(await as("support").get(`/api/companies/${matrix.companyA.id}/setup`));
    await setSimConfig(as("anonymous"), { errorRate5xx: 0 });
    // Support sees license keys masked until asked.
    const detail = await (await as("support").get(`/support/companies/${matrix.companyA.id}`)).text();
    expect(detail, "the support page shows the license key only on request").not.toContain(matrix.companyA.codatCompanyId);

    const invited = (await (await as("admin").post("/api/staff", { data: { name: "New Person", email: "new.person@example.com", role: "support" } })).json()) as { oneTimePassword: string };

    await new Promise((r) => setTimeout(r, 1500)); // let background work (ticks, webhooks) log what it logs
    const dump = await db.dump();
    const logs = server.logs();
    const errors = errorAnswers.join("\n");
    expect(logs.length).toBeGreaterThan(0);

    const licenseKeys = [matrix.companyA.codatCompanyId, matrix.companyB.codatCompanyId, matrix.companyC.codatCompanyId, setup.company.codatCompanyId, pullOnlyId].filter(Boolean);
    const neverStored = { tokens, codes: codes.flatMap((c) => [c, normalisedCode(c)]), apiKey: [created.key], passwords, staffPassword: [invited.oneTimePassword] };
    for (const [kind, values] of Object.entries(neverStored)) {
      for (const v of values) {
        expect(dump.includes(v), `${kind} ${v.slice(0, 6)}… is stored in plain text`).toBe(false);
        expect(logs.includes(v), `${kind} ${v.slice(0, 6)}… is in the server's output`).toBe(false);
        expect(errors.includes(v), `${kind} ${v.slice(0, 6)}… is in an error answer`).toBe(false);
      }
    }
    for (const v of licenseKeys) {
      expect(logs.includes(v), `license key ${v.slice(0, 8)}… is in the server's output`).toBe(false);
      expect(errors.includes(v), `license key ${v.slice(0, 8)}… is in an error answer`).toBe(false);
    }
    // Stored as hashes (not simply missing): the SHA-256 of each token, short code and key is there.
    for (const t of tokens) expect(dump, "setup token hash").toContain(sha256(t));
    for (const c of codes) expect(dump, "short code hash").toContain(sha256(normalisedCode(c)));
    expect(dump, "API key hash").toContain(sha256(created.key));
    await client.dispose();
  } finally {
    for (const s of sessions.values()) await s.dispose();
    await server.stop();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
