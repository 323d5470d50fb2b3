import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { CodatPlatform } from "@codat/platform";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_SPEC_DIR, validateResponse, type OpenApiSpecName } from "@/lib/codat/openapi-validator";
import { BASIC_AUTH, openSimHarness, validSupplier, type JsonResponse, type SimHarness } from "../testing/sim-harness";
import { handleCodatRequest } from "./codat-router";

/**
 * The contract: every response the product relies on validates against Codat's own OpenAPI specs,
 * and Codat's official TypeScript SDK (strict zod parsing, closed enums) reads the simulator.
 */

let sim: SimHarness;
beforeAll(async () => {
  sim = await openSimHarness();
});
afterAll(async () => {
  await sim.close();
});

function expectValid(spec: OpenApiSpecName, method: string, template: string, res: JsonResponse<unknown>) {
  expect(validateResponse(spec, method, template, res.status, res.body), `${method} ${template} ${res.status}`).toEqual([]);
}

type OptionNode = { properties?: Record<string, OptionNode> | null; options?: { value?: unknown }[] | null; required?: boolean };

/** Every field path of a push option, with whether it is required and the values it lists. */
function optionFields(node: OptionNode, prefix = ""): Record<string, { required: boolean | undefined; values: unknown[] }> {
  const out: Record<string, { required: boolean | undefined; values: unknown[] }> = {};
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    out[path] = { required: child.required, values: (child.options ?? []).map((o) => o.value) };
    Object.assign(out, optionFields(child, path));
  }
  return out;
}

/** The simulator's supplier push options have the fields, required flags and listed values of Codat's own Sage 50 (UK) example. */
function expectSameFieldsAsDocumentedSage50(body: unknown) {
  const spec = JSON.parse(readFileSync(path.join(DEFAULT_SPEC_DIR, "Codat-Sync-Payables-v1.json"), "utf8")) as {
    paths: Record<string, { get: { responses: { 200: { content: { "application/json": { examples: Record<string, { value: OptionNode }> } } } } } }>;
  };
  const documented = spec.paths["/companies/{companyId}/connections/{connectionId}/options/suppliers"]!.get.responses[200].content["application/json"].examples["Sage 50 (UK)"]!.value;
  expect(optionFields(body as OptionNode)).toEqual(optionFields(documented));
}

describe("responses validate against the specs", () => {
  it("for the whole set-up and push journey", async () => {
    const created = await sim.codat<{ id: string }>("POST", "/companies", { name: "Contract Co", description: "c-1" });
    expectValid("platform", "POST", "/companies", created);
    const companyId = created.body.id;
    expectValid("platform", "GET", "/companies", await sim.codat("GET", "/companies?pageSize=2"));
    expectValid("platform", "GET", "/companies/{companyId}", await sim.codat("GET", `/companies/${companyId}`));

    const connection = await sim.codat<{ id: string }>("POST", `/companies/${companyId}/connections`, { platformKey: "hbql" });
    expectValid("platform", "POST", "/companies/{companyId}/connections", connection);
    const connectionId = connection.body.id;
    const connectionPath = `/companies/${companyId}/connections/${connectionId}`;
    expectValid("platform", "GET", "/companies/{companyId}/connections", await sim.codat("GET", `/companies/${companyId}/connections`));
    expectValid("platform", "GET", "/companies/{companyId}/connections/{connectionId}", await sim.codat("GET", connectionPath));
    expectValid("payables", "GET", "/companies/{companyId}/data/info", await sim.codat("GET", `/companies/${companyId}/data/info`));

    const options = await sim.codat("GET", `${connectionPath}/options/suppliers`);
    expectValid("platform", "GET", "/companies/{companyId}/connections/{connectionId}/options/{dataType}", options);
    expectValid("payables", "GET", "/companies/{companyId}/connections/{connectionId}/options/suppliers", options);
    expectSameFieldsAsDocumentedSage50(options.body);
    const notLinked = await sim.pushSupplier(companyId, connectionId, validSupplier());
    expectValid("payables", "POST", "/companies/{companyId}/connections/{connectionId}/push/suppliers", notLinked);

    await sim.must(companyId, { type: "createSageUser", name: "Contract Push", userType: "Administrator", password: "pw" });
    await sim.must(companyId, { type: "installConnector", licenseKey: companyId });
    await sim.must(companyId, { type: "chooseDataFile" });
    await sim.must(companyId, { type: "saveCredentials", username: "Contract Push", password: "pw" });
    await sim.must(companyId, { type: "confirmCompany" });
    expectValid("platform", "GET", "/companies/{companyId}/connections/{connectionId}", await sim.codat("GET", connectionPath));
    expectValid("payables", "GET", "/companies/{companyId}/data/info", await sim.codat("GET", `/companies/${companyId}/data/info`));

    const pushes = [
      await sim.pushSupplier(companyId, connectionId, validSupplier("OK1"), 5),
      await sim.pushSupplier(companyId, connectionId, { id: "bad id" }, null),
    ];
    for (const push of pushes) {
      expectValid("payables", "POST", "/companies/{companyId}/connections/{connectionId}/push/suppliers", push);
      expectValid("platform", "GET", "/companies/{companyId}/push/{pushOperationKey}", await sim.getPush(companyId, push.body.pushOperationKey));
    }
    // The integrator's own writes, through Sync for Payables' paths.
    const bill = { issueDate: "2026-03-01T00:00:00Z", status: "Open", subTotal: 100, taxAmount: 20, totalAmount: 120, supplierRef: { id: "OK1" } };
    const journalEntry = {
      description: "Accrual",
      postedOn: "2026-03-03T00:00:00Z",
      journalLines: [
        { netAmount: 50, currency: "GBP", accountRef: { id: "7100" } },
        { netAmount: -50, currency: "GBP", accountRef: { id: "2109" } },
      ],
    };
    const writes = [
      ["bills", bill, { totalAmount: "lots" }],
      ["billPayments", { date: "2026-03-02T00:00:00Z", totalAmount: 120 }, { totalAmount: "lots" }],
      ["journalEntries", journalEntry, { journalLines: "lots" }],
    ] as const;
    for (const [dataType, body, invalid] of writes) {
      const template = `/companies/{companyId}/connections/{connectionId}/push/${dataType}`;
      const accepted = await sim.codat<{ pushOperationKey: string; dataType: string }>("POST", `${connectionPath}/push/${dataType}`, body);
      expect(accepted.status).toBe(200);
      expect(accepted.body.dataType).toBe(dataType);
      expectValid("payables", "POST", template, accepted);
      expectValid("platform", "GET", "/companies/{companyId}/push/{pushOperationKey}", await sim.getPush(companyId, accepted.body.pushOperationKey));
      const refused = await sim.codat("POST", `${connectionPath}/push/${dataType}`, invalid);
      expect(refused.status).toBe(400);
      expectValid("payables", "POST", template, refused);
    }
    const supplierPath = "/companies/{companyId}/data/suppliers/{supplierId}";
    const written = await sim.codat("GET", `/companies/${companyId}/data/suppliers/ok1`);
    expect(written.status).toBe(200);
    expectValid("payables", "GET", supplierPath, written);
    const noSupplier = await sim.codat("GET", `/companies/${companyId}/data/suppliers/NONE1`);
    expect(noSupplier.status).toBe(404);
    expectValid("payables", "GET", supplierPath, noSupplier);
    await sim.must(companyId, { type: "powerOff" });
    const timedOut = await sim.pushSupplier(companyId, connectionId, validSupplier("TO1"), 1);
    sim.advance(2000);
    const finished = await sim.getPush(companyId, timedOut.body.pushOperationKey);
    expect(finished.body.status).toBe("TimedOut");
    expectValid("platform", "GET", "/companies/{companyId}/push/{pushOperationKey}", finished);
    for (const push of pushes) {
      expectValid("platform", "GET", "/companies/{companyId}/push/{pushOperationKey}", await sim.getPush(companyId, push.body.pushOperationKey));
    }
    expectValid("platform", "GET", "/companies/{companyId}/push", await sim.codat("GET", `/companies/${companyId}/push`));
    expectValid("payables", "GET", "/companies/{companyId}/push", await sim.codat("GET", `/companies/${companyId}/push`));

    const unlinked = await sim.codat("PATCH", connectionPath, { status: "Unlinked" });
    expectValid("platform", "PATCH", "/companies/{companyId}/connections/{connectionId}", unlinked);
  });

  it("for errors", async () => {
    const missing = "846ed55c-974b-4392-a1f1-87b6fdbf3c5e";
    expectValid("platform", "GET", "/companies", await sim.codat("GET", "/companies", undefined, { auth: null }));
    expectValid("platform", "GET", "/companies/{companyId}", await sim.codat("GET", `/companies/${missing}`));
    expectValid("platform", "POST", "/companies", await sim.codat("POST", "/companies", { name: "" }));
    const { companyId } = await sim.createCompanyWithConnection();
    expectValid("platform", "GET", "/companies/{companyId}/push/{pushOperationKey}", await sim.codat("GET", `/companies/${companyId}/push/${missing}`));
    expectValid("payables", "GET", "/companies/{companyId}/data/info", await sim.codat("GET", `/companies/${companyId}/data/info`));
    await sim.setConfig({ errorRate429: 1 });
    expectValid("platform", "GET", "/companies/{companyId}", await sim.codat("GET", `/companies/${companyId}`));
    await sim.setConfig({ errorRate429: 0, errorRate5xx: 1 });
    expectValid("platform", "GET", "/companies/{companyId}", await sim.codat("GET", `/companies/${companyId}`));
    await sim.setConfig({ errorRate5xx: 0 });
  });
});

/** Adapts node:http to the router, so the SDK talks to the simulator over real HTTP. */
async function startServer(): Promise<{ url: string; server: Server }> {
  const readBody = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => resolve(Buffer.concat(chunks)));
    });
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const request = new Request(`http://127.0.0.1${req.url ?? "/"}`, {
        method: req.method,
        headers,
        ...(body.length > 0 ? { body: new Uint8Array(body) } : {}),
      });
      const answer = await handleCodatRequest(request, { db: sim.db, env: sim.env, now: sim.now, webhooks: "manual" });
      res.statusCode = answer.status;
      answer.headers.forEach((value, key) => res.setHeader(key, value));
      res.end(Buffer.from(await answer.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe("the official @codat/platform SDK", () => {
  it("creates and reads companies and connections and reads push operations", async () => {
    const { url, server } = await startServer();
    try {
      // The SDK drops any path in serverURL, so the simulator is served at the root here.
      const codat = new CodatPlatform({ authHeader: BASIC_AUTH, serverURL: url, retryConfig: { strategy: "none" } });
      const company = await codat.companies.create({ name: "SDK Company", description: "from the SDK" });
      expect(company.name).toBe("SDK Company");
      expect((await codat.companies.get({ companyId: company.id })).id).toBe(company.id);
      const list = await codat.companies.list({ pageSize: 100 });
      expect(list.results?.some((c) => c.id === company.id)).toBe(true);

      const connection = await codat.connections.create({ companyId: company.id, requestBody: { platformKey: "hbql" } });
      expect(connection).toMatchObject({ status: "PendingAuth", sourceType: "Accounting", integrationKey: "hbql" });
      const connections = await codat.connections.list({ companyId: company.id });
      expect(connections.results).toHaveLength(1);

      await sim.must(company.id, { type: "createSageUser", name: "SDK Push", userType: "Administrator", password: "pw" });
      await sim.must(company.id, { type: "installConnector", licenseKey: company.id });
      await sim.must(company.id, { type: "chooseDataFile" });
      await sim.must(company.id, { type: "saveCredentials", username: "SDK Push", password: "pw" });
      await sim.must(company.id, { type: "confirmCompany" });
      const linked = await codat.connections.get({ companyId: company.id, connectionId: connection.id });
      expect(linked.status).toBe("Linked");
      expect(linked.lastSync).toBeDefined();

      const options = await codat.pushData.getModelOptions({ companyId: company.id, connectionId: connection.id, dataType: "suppliers" });
      expect(options.properties?.id?.required).toBe(true);

      await sim.setConfig({ processingDelayMs: 5 });
      const pending = await sim.pushSupplier(company.id, connection.id, validSupplier("SDK1"));
      const pendingOp = await codat.pushData.getOperation({ companyId: company.id, pushOperationKey: pending.body.pushOperationKey });
      expect(pendingOp.status).toBe("Pending");
      sim.advance(10);
      const done = await codat.pushData.getOperation({ companyId: company.id, pushOperationKey: pending.body.pushOperationKey });
      expect(done).toMatchObject({ status: "Success", statusCode: 200, dataType: "suppliers" });
      const history = await codat.pushData.listOperations({ companyId: company.id });
      expect(history.results?.map((r) => r.pushOperationKey)).toContain(pending.body.pushOperationKey);

      const unlinked = await codat.connections.unlink({ companyId: company.id, connectionId: connection.id, updateConnectionStatus: { status: "Unlinked" } });
      expect(unlinked.status).toBe("Unlinked");

      await expect(codat.companies.get({ companyId: "846ed55c-974b-4392-a1f1-87b6fdbf3c5e" })).rejects.toMatchObject({ statusCode: 404 });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
