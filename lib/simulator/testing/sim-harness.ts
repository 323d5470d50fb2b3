import { randomBytes } from "node:crypto";
import { openDb, type DbHandle } from "@/lib/db/client";
import { handleCodatRequest } from "../codat-api/codat-router";
import { DEFAULT_SIM_CONFIG, updateSimConfig, type SimConfigUpdate } from "../config";
import type { SimContext } from "../context";
import { handleSimControlRequest } from "../control-api/control-router";
import type { PcActionInput } from "../pc/pc-actions";
import type { PcState } from "../pc/pc-state";
import type { SimEnv } from "../sim-env";

/**
 * Test support: an in-memory (or on-disk) simulator with a hand-wound clock, called through its
 * routers with real Request objects, as the Next routes do. No server needed.
 */

export type JsonResponse<T = unknown> = { status: number; body: T; headers: Headers };

const TEST_API_KEY = "sim-test-key";
export const BASIC_AUTH = `Basic ${Buffer.from(TEST_API_KEY).toString("base64")}`;

export function testSimEnv(overrides: Partial<SimEnv> = {}): SimEnv {
  return {
    appUrl: "http://app.test",
    apiKey: TEST_API_KEY,
    webhookSecret: `whsec_${randomBytes(24).toString("base64")}`,
    live: false,
    ...overrides,
  };
}

/** Test defaults: pushes are picked up at once, one simulated minute is one real second, no webhooks. */
const TEST_CONFIG: SimConfigUpdate = { processingDelayMs: 0, minuteMs: 1000, webhooksEnabled: false };

export type SimHarness = Awaited<ReturnType<typeof openSimHarness>>;

export async function openSimHarness(
  opts: { dataDir?: string; handle?: DbHandle; env?: SimEnv; config?: SimConfigUpdate } = {},
) {
  const handle: DbHandle = opts.handle ?? (await openDb({ dataDir: opts.dataDir ?? "memory" }));
  const env = opts.env ?? testSimEnv();
  let clock = new Date("2025-06-02T09:00:00.000Z").getTime();
  await updateSimConfig(handle.db, { ...TEST_CONFIG, ...opts.config });
  const routerOpts = () => ({ db: handle.db, env, now: () => new Date(clock), webhooks: "manual" as const });

  async function call<T>(
    handler: typeof handleCodatRequest,
    url: string,
    method: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<JsonResponse<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === "string" ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)["content-type"] = "application/json";
    }
    const res = await handler(new Request(url, init), routerOpts());
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
  }

  const h = {
    db: handle.db,
    env,
    close: () => handle.close(),
    now: () => new Date(clock),
    advance(ms: number) {
      clock += ms;
    },
    ctx(): SimContext {
      return { db: handle.db, env, now: new Date(clock), webhooks: "manual" };
    },
    setConfig: (update: SimConfigUpdate) => updateSimConfig(handle.db, update),
    /** Back to the defaults plus the test settings (and the config given when opening). */
    resetConfig: () => updateSimConfig(handle.db, { ...DEFAULT_SIM_CONFIG, ...TEST_CONFIG, ...opts.config }),
    /** A Codat API call (`path` after the base URL, e.g. "/companies"). */
    codat<T = Record<string, unknown>>(
      method: string,
      path: string,
      body?: unknown,
      opts: { auth?: string | null } = {},
    ): Promise<JsonResponse<T>> {
      const auth = opts.auth === undefined ? BASIC_AUTH : opts.auth;
      return call<T>(handleCodatRequest, `http://sim.test/api/sim/codat${path}`, method, body, auth ? { authorization: auth } : {});
    },
    /** A simulator control API call (`path` after /api/sim). */
    control<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<JsonResponse<T>> {
      return call<T>(handleSimControlRequest, `http://sim.test/api/sim${path}`, method, body, {});
    },
    async act(companyId: string, action: PcActionInput): Promise<JsonResponse<{ ok: true; message: string; state: PcState }>> {
      return h.control("POST", `/pc/${companyId}/actions`, action);
    },
    /** Acts and fails the test if the PC refused. */
    async must(companyId: string, action: PcActionInput): Promise<PcState> {
      const res = await h.act(companyId, action);
      if (res.status !== 200) throw new Error(`${action.type} refused: ${JSON.stringify(res.body)}`);
      return res.body.state;
    },
    async pcState(companyId: string): Promise<PcState> {
      const res = await h.control<PcState>("GET", `/pc/${companyId}`);
      if (res.status !== 200) throw new Error(`pc state: ${JSON.stringify(res.body)}`);
      return res.body;
    },
    /** Company + PendingAuth Sage 50 connection, as the product creates them. */
    async createCompanyWithConnection(name = "Acme Trading Ltd") {
      const company = await h.codat<{ id: string }>("POST", "/companies", { name });
      const connection = await h.codat<{ id: string; linkUrl: string }>("POST", `/companies/${company.body.id}/connections`, {
        platformKey: "hbql",
      });
      return { companyId: company.body.id, connectionId: connection.body.id, linkUrl: connection.body.linkUrl };
    },
    /**
     * The whole happy path on the PC: a push user of the given type, connector installed, data file,
     * credentials and confirmation. Sage 50 stays closed.
     */
    async linkedCompany(opts: { pushUser?: string; pushUserType?: "Administrator" | "Standard"; password?: string } = {}) {
      const ids = await h.createCompanyWithConnection();
      const pushUser = opts.pushUser ?? "Acme Push";
      const password = opts.password ?? "Secret123";
      await h.must(ids.companyId, { type: "createSageUser", name: pushUser, userType: opts.pushUserType ?? "Administrator", password });
      await h.must(ids.companyId, { type: "installConnector", licenseKey: ids.companyId });
      await h.must(ids.companyId, { type: "chooseDataFile" });
      await h.must(ids.companyId, { type: "saveCredentials", username: pushUser, password });
      await h.must(ids.companyId, { type: "confirmCompany" });
      return { ...ids, pushUser, password };
    },
    pushSupplier(companyId: string, connectionId: string, supplier: unknown, timeoutInMinutes: number | null = 5) {
      const query = timeoutInMinutes === null ? "" : `?timeoutInMinutes=${timeoutInMinutes}`;
      return h.codat<{ pushOperationKey: string; status: string }>(
        "POST",
        `/companies/${companyId}/connections/${connectionId}/push/suppliers${query}`,
        supplier,
      );
    },
    getPush(companyId: string, key: string) {
      return h.codat<{
        status: string;
        statusCode: number;
        errorMessage?: string;
        validation?: { errors?: { itemId?: string; message?: string }[] };
        changes?: { type: string; recordRef: { id: string; dataType: string } }[];
        completedOnUtc?: string;
      }>("GET", `/companies/${companyId}/push/${key}`);
    },
  };
  return h;
}

export const validSupplier = (id = "TST001") => ({
  id,
  supplierName: "Acme connection test - safe to delete",
  contactName: "Connection test",
  status: "Active",
  addresses: [{ type: "Billing", line1: "Connection test record" }],
});
