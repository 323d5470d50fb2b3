import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import type { DbHandle } from "@/lib/db/client";
import { createCodatClient, type CodatClient } from "@/lib/codat/client";
import { verifyCodatWebhook } from "@/lib/codat/webhooks";
import { handleCodatRequest } from "@/lib/simulator/codat-api/codat-router";
import { handleSimControlRequest } from "@/lib/simulator/control-api/control-router";
import { updateSimConfig, type SimConfigUpdate } from "@/lib/simulator/config";
import { runSimulatorTick } from "@/lib/simulator/ticker";
import type { PcActionInput } from "@/lib/simulator/pc/pc-actions";
import type { SimEnv } from "@/lib/simulator/sim-env";
import { handleCodatWebhook } from "@/lib/webhooks/handle-codat-webhook";
import type { StaffActor } from "@/lib/auth/actor";
import type { CompanyRow } from "@/lib/db/queries/companies";
import { createSetup } from "@/lib/setup/create-setup";
import { refreshConnection } from "@/lib/setup/refresh-connection";

/**
 * Test support: the simulator and our webhook route behind one real HTTP server, so services talk to
 * "Codat" through the real adapter over HTTP and receive real Svix-signed webhooks.
 */
export type AppStack = Awaited<ReturnType<typeof openAppStack>>;

export async function openAppStack(
  handle: DbHandle,
  opts: { config?: SimConfigUpdate; onCodatCall?: (path: string, method: string) => void; dueTimers?: boolean } = {},
) {
  const db = handle.db;
  let baseUrl = "";
  const env: SimEnv = { appUrl: "", apiKey: `k_${randomBytes(6).toString("hex")}`, webhookSecret: `whsec_${randomBytes(24).toString("base64")}`, live: false };
  const client: { codat?: CodatClient } = {};
  const webhookOutcomes: string[] = [];

  const server: Server = createServer((req, res) => {
    void serve(req, res);
  });
  async function serve(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = `${baseUrl}${req.url ?? "/"}`;
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const request = new Request(url, { method: req.method, headers, body: body.length ? body : undefined });
    let response: Response;
    try {
      if (req.url?.startsWith("/api/webhooks/codat")) {
        const event = verifyCodatWebhook(body.toString("utf8"), headers, env.webhookSecret);
        webhookOutcomes.push(await handleCodatWebhook(db, client.codat!, event));
        response = Response.json({ ok: true });
      } else if (req.url?.startsWith("/api/sim/codat")) {
        opts.onCodatCall?.(req.url, req.method ?? "GET");
        response = await handleCodatRequest(request, { db, env, webhooks: "background", dueTimers: opts.dueTimers });
      } else {
        response = await handleSimControlRequest(request, { db, env, webhooks: "background" });
      }
    } catch (err) {
      response = Response.json({ error: String(err) }, { status: 500 });
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  env.appUrl = baseUrl;
  const codat = createCodatClient({ baseUrl: `${baseUrl}/api/sim/codat`, apiKey: env.apiKey, baseDelayMs: 5, maxDelayMs: 50 });
  client.codat = codat;
  await updateSimConfig(db, { processingDelayMs: 0, minuteMs: 500, webhooksEnabled: true, ...opts.config });

  async function act(codatCompanyId: string, action: PcActionInput) {
    const res = await fetch(`${baseUrl}/api/sim/pc/${codatCompanyId}/actions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(action),
    });
    if (res.status !== 200) throw new Error(`${action.type} refused: ${await res.text()}`);
  }

  /**
   * Plays the client's whole PC setup for a company: push user, connector (or, on a PC whose connector
   * already serves another company, "Add new connection"), credentials, confirmation.
   */
  async function linkPc(
    codatCompanyId: string,
    pushUser = "Acme Push",
    userType: "Administrator" | "Standard" = "Administrator",
    connector: "installConnector" | "addConnection" = "installConnector",
  ) {
    await act(codatCompanyId, { type: "createSageUser", name: pushUser, userType, password: "Pw12345" });
    await act(codatCompanyId, { type: connector, licenseKey: codatCompanyId });
    await act(codatCompanyId, { type: "chooseDataFile" });
    await act(codatCompanyId, { type: "saveCredentials", username: pushUser, password: "Pw12345" });
    await act(codatCompanyId, { type: "confirmCompany" });
  }

  return {
    db,
    env,
    url: baseUrl,
    codat,
    webhookOutcomes,
    act,
    tick: () => runSimulatorTick(db, new Date(), env),
    setConfig: (update: SimConfigUpdate) => updateSimConfig(db, update),
    linkPc,
    /** A setup created by `staff` whose client did the whole PC side, with the Linked connection stored. */
    async linkedCompany(staff: StaffActor, name: string): Promise<CompanyRow> {
      const { company } = await createSetup(db, codat, { name, contactEmail: null, actor: staff, appUrl: baseUrl });
      await linkPc(company.codatCompanyId);
      return refreshConnection(db, codat, company, { force: true });
    },
    /** Multi-company mode: puts the company's data file on the PC of `hostCodatCompanyId` (null: back on its own PC). */
    async sharePc(codatCompanyId: string, hostCodatCompanyId: string | null) {
      const res = await fetch(`${baseUrl}/api/sim/pc/${codatCompanyId}/host`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ hostCompanyId: hostCodatCompanyId }),
      });
      if (res.status !== 200) throw new Error(`sharing the PC refused: ${await res.text()}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
