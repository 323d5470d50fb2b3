/**
 * Contract tests: every operation is called against a local server answering with spec-valid
 * bodies; what the adapter sends is checked against the same specs, and what it returns is checked
 * field by field.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCodatClient, type CodatClient } from "./client";
import { getCompanyInfo } from "./company-info";
import { createCompany, getCompany, listCompanies } from "./companies";
import { createSage50Connection, getConnection, listConnections, unlinkConnection } from "./connections";
import { validateRequestBody, validateResponse, type OpenApiSpecName } from "./openapi-validator";
import { getPushOperation, listPushOperations } from "./push-operations";
import { createSupplier, getSupplierPushOptions } from "./suppliers";
import {
  companyBody,
  companyInfoBody,
  connectionBody,
  createSupplierResponseBody,
  IDS,
  pagedBody,
  pushOperationBody,
  succeededPushBody,
  supplierPushOptionsBody,
} from "./testing/codat-fixtures";
import { startFakeCodatServer, type FakeCodatServer } from "./testing/fake-codat-server";

let server: FakeCodatServer;
let client: CodatClient;

beforeAll(async () => {
  server = await startFakeCodatServer();
  client = createCodatClient({ baseUrl: server.url, apiKey: "contract-test-key", maxAttempts: 1 });
});
afterAll(async () => {
  await server.close();
});

interface Case {
  name: string;
  spec: OpenApiSpecName;
  method: "get" | "post" | "patch";
  template: string;
  reply: unknown;
  call: () => Promise<unknown>;
  path: string;
  query?: Record<string, string>;
  check: (result: never) => void;
}

const companyPath = `/companies/${IDS.company}`;
const connectionPath = `${companyPath}/connections/${IDS.connection}`;

const cases: Case[] = [
  {
    name: "createCompany",
    spec: "platform",
    method: "post",
    template: "/companies",
    reply: companyBody(),
    call: () => createCompany(client, { name: "Harbour Lane Joinery (Bristol)", description: "Test company" }),
    path: "/companies",
    check: (company: Awaited<ReturnType<typeof createCompany>>) => {
      expect(company).toEqual({ id: IDS.company, name: "Harbour Lane Joinery", description: "Test company", created: "2026-03-02T09:15:00Z" });
    },
  },
  {
    name: "getCompany",
    spec: "platform",
    method: "get",
    template: "/companies/{companyId}",
    reply: companyBody({ dataConnections: [connectionBody({ status: "Linked", lastSync: "2026-03-02T10:00:00Z" })] }),
    call: () => getCompany(client, IDS.company),
    path: companyPath,
    check: (company: Awaited<ReturnType<typeof getCompany>>) => {
      expect(company.sage50Connection?.status).toBe("Linked");
      expect(company.sage50Connection?.lastSync).toBe("2026-03-02T10:00:00Z");
    },
  },
  {
    name: "listCompanies",
    spec: "platform",
    method: "get",
    template: "/companies",
    reply: pagedBody([companyBody()], { path: "/companies", page: 2, pageSize: 1, totalResults: 3 }),
    call: () => listCompanies(client, { page: 2, pageSize: 1, query: "name=Harbour" }),
    path: "/companies",
    query: { page: "2", pageSize: "1", query: "name=Harbour" },
    check: (page: Awaited<ReturnType<typeof listCompanies>>) => {
      expect(page).toMatchObject({ pageNumber: 2, pageSize: 1, totalResults: 3, hasNextPage: true });
      expect(page.items.map((c) => c.id)).toEqual([IDS.company]);
    },
  },
  {
    name: "createSage50Connection",
    spec: "platform",
    method: "post",
    template: "/companies/{companyId}/connections",
    reply: connectionBody(),
    call: () => createSage50Connection(client, IDS.company),
    path: `${companyPath}/connections`,
    check: (connection: Awaited<ReturnType<typeof createSage50Connection>>) => {
      expect(connection).toEqual({
        id: IDS.connection,
        status: "PendingAuth",
        linkUrl: `https://link-api.codat.io/companies/${IDS.company}/connections/${IDS.connection}/start`,
        platformName: "Sage 50 (UK & Ireland)",
        integrationKey: "hbql",
        sourceType: "Accounting",
        lastSync: null,
        created: "2026-03-02T09:15:00Z",
        errors: [],
      });
    },
  },
  {
    name: "listConnections",
    spec: "platform",
    method: "get",
    template: "/companies/{companyId}/connections",
    reply: pagedBody([connectionBody()], { path: `${companyPath}/connections` }),
    call: () => listConnections(client, IDS.company),
    path: `${companyPath}/connections`,
    query: { page: "1", pageSize: "100" },
    check: (page: Awaited<ReturnType<typeof listConnections>>) => {
      expect(page.hasNextPage).toBe(false);
      expect(page.items[0]?.status).toBe("PendingAuth");
    },
  },
  {
    name: "getConnection",
    spec: "platform",
    method: "get",
    template: "/companies/{companyId}/connections/{connectionId}",
    reply: connectionBody({
      status: "Deauthorized",
      dataConnectionErrors: [
        { statusCode: "401", statusText: "Unauthorized", errorMessage: "Connector removed", erroredOnUtc: "2026-03-03T08:00:00Z", status: "Active", resolvedOnUtc: null },
      ],
    }),
    call: () => getConnection(client, IDS.company, IDS.connection),
    path: connectionPath,
    check: (connection: Awaited<ReturnType<typeof getConnection>>) => {
      expect(connection.status).toBe("Deauthorized");
      expect(connection.errors).toEqual([
        { statusCode: "401", statusText: "Unauthorized", message: "Connector removed", occurredAt: "2026-03-03T08:00:00Z", status: "Active" },
      ]);
    },
  },
  {
    name: "unlinkConnection",
    spec: "platform",
    method: "patch",
    template: "/companies/{companyId}/connections/{connectionId}",
    reply: connectionBody({ status: "Unlinked" }),
    call: () => unlinkConnection(client, IDS.company, IDS.connection),
    path: connectionPath,
    check: (connection: Awaited<ReturnType<typeof unlinkConnection>>) => {
      expect(connection.status).toBe("Unlinked");
    },
  },
  {
    name: "getSupplierPushOptions",
    spec: "payables",
    method: "get",
    template: "/companies/{companyId}/connections/{connectionId}/options/suppliers",
    reply: supplierPushOptionsBody(),
    call: () => getSupplierPushOptions(client, IDS.company, IDS.connection),
    path: `${connectionPath}/options/suppliers`,
    check: (options: Awaited<ReturnType<typeof getSupplierPushOptions>>) => {
      expect(options.fields.id).toMatchObject({ required: true, type: "String" });
      expect(options.fields.id?.warnings[0]).toMatch(/8 characters/);
      expect(options.fields["addresses.line1"]?.required).toBe(true);
      expect(options.fields.status?.options).toEqual([{ value: "Active", displayName: "Active" }]);
      expect(options.information).toHaveLength(1);
    },
  },
  {
    name: "createSupplier",
    spec: "payables",
    method: "post",
    template: "/companies/{companyId}/connections/{connectionId}/push/suppliers",
    reply: createSupplierResponseBody(),
    call: () =>
      createSupplier(
        client,
        IDS.company,
        IDS.connection,
        {
          id: "TEST0001",
          supplierName: "Test supplier - delete me",
          contactName: "Sam Test",
          address: { line1: "1 Test Street", city: "Bristol", postalCode: "BS1 1AA" },
          defaultCurrency: "GBP",
        },
        { timeoutInMinutes: 15 },
      ),
    path: `${connectionPath}/push/suppliers`,
    query: { timeoutInMinutes: "15" },
    check: (op: Awaited<ReturnType<typeof createSupplier>>) => {
      expect(op).toEqual({
        key: IDS.push,
        companyId: IDS.company,
        connectionId: IDS.connection,
        dataType: "suppliers",
        status: "Pending",
        statusCode: 202,
        errorMessage: null,
        requestedAt: "2026-03-02T09:15:00Z",
        completedAt: null,
        timeoutInMinutes: 15,
        validation: { errors: [], warnings: [] },
        changes: [],
      });
    },
  },
  {
    name: "getPushOperation",
    spec: "platform",
    method: "get",
    template: "/companies/{companyId}/push/{pushOperationKey}",
    reply: succeededPushBody(),
    call: () => getPushOperation(client, IDS.company, IDS.push),
    path: `${companyPath}/push/${IDS.push}`,
    check: (op: Awaited<ReturnType<typeof getPushOperation>>) => {
      expect(op.status).toBe("Success");
      expect(op.completedAt).toBe("2026-03-02T09:16:30Z");
      expect(op.changes).toEqual([{ type: "Created", recordId: "TEST0001", dataType: "suppliers" }]);
    },
  },
  {
    name: "listPushOperations",
    spec: "platform",
    method: "get",
    template: "/companies/{companyId}/push",
    reply: pagedBody(
      [
        pushOperationBody({
          status: "Failed",
          statusCode: 400,
          completedOnUtc: "2026-03-02T09:17:00Z",
          errorMessage: "Supplier account reference already exists",
          validation: { errors: [{ itemId: "TEST0001", message: "Duplicate", validatorName: "Sage50" }], warnings: null },
        }),
      ],
      { path: `${companyPath}/push`, pageSize: 20 },
    ),
    call: () => listPushOperations(client, IDS.company, { page: 1, pageSize: 20, orderBy: "-requestedOnUtc" }),
    path: `${companyPath}/push`,
    query: { page: "1", pageSize: "20", orderBy: "-requestedOnUtc" },
    check: (page: Awaited<ReturnType<typeof listPushOperations>>) => {
      const op = page.items[0];
      expect(op?.status).toBe("Failed");
      expect(op?.errorMessage).toBe("Supplier account reference already exists");
      expect(op?.validation).toEqual({
        errors: [{ itemId: "TEST0001", message: "Duplicate", validatorName: "Sage50" }],
        warnings: [],
      });
    },
  },
  {
    name: "getCompanyInfo",
    spec: "payables",
    method: "get",
    template: "/companies/{companyId}/data/info",
    reply: companyInfoBody(),
    call: () => getCompanyInfo(client, IDS.company),
    path: `${companyPath}/data/info`,
    check: (info: Awaited<ReturnType<typeof getCompanyInfo>>) => {
      expect(info).toEqual({ companyName: "Harbour Lane Joinery Ltd", baseCurrency: "GBP" });
    },
  },
];

describe.each(cases)("$name", (c) => {
  it("is answered with a body the spec accepts (fixture check)", () => {
    expect(validateResponse(c.spec, c.method, c.template, 200, c.reply)).toEqual([]);
  });

  it("sends a request the spec accepts and maps the answer", async () => {
    server.replies({ status: 200, body: c.reply });
    const before = server.requests.length;
    const result = await c.call();
    const req = server.requests[before];
    expect(server.requests).toHaveLength(before + 1);
    expect(req?.method).toBe(c.method.toUpperCase());
    expect(req?.path).toBe(c.path);
    expect(Object.fromEntries(req?.query ?? [])).toEqual(c.query ?? {});
    expect(validateRequestBody(c.spec, c.method, c.template, req?.body)).toEqual([]);
    (c.check as (r: unknown) => void)(result);
  });
});

describe("request bodies", () => {
  it("match what Codat expects for each write", async () => {
    server.replies({ status: 200, body: companyBody() });
    await createCompany(client, { name: "Harbour Lane Joinery (Bristol)", description: "Test company" });
    expect(server.requests.at(-1)?.body).toEqual({ name: "Harbour Lane Joinery Bristol", description: "Test company" });

    server.replies({ status: 200, body: connectionBody({ status: "Unlinked" }) });
    await unlinkConnection(client, IDS.company, IDS.connection);
    expect(server.requests.at(-1)?.body).toEqual({ status: "Unlinked" });

    server.replies({ status: 200, body: createSupplierResponseBody() });
    await createSupplier(client, IDS.company, IDS.connection, { id: "TEST0002", supplierName: "Only a name" }, { timeoutInMinutes: 5 });
    expect(server.requests.at(-1)?.body).toEqual({ id: "TEST0002", supplierName: "Only a name", status: "Active" });
  });

  it("are rejected by the validator when they break the spec (the check has teeth)", () => {
    expect(validateRequestBody("platform", "post", "/companies", { description: "no name" })).not.toEqual([]);
    expect(validateRequestBody("platform", "post", "/companies", { name: "Bad (chars)" })).not.toEqual([]);
    expect(
      validateRequestBody("platform", "patch", "/companies/{companyId}/connections/{connectionId}", { status: "Gone" }),
    ).not.toEqual([]);
    expect(
      validateRequestBody("payables", "post", "/companies/{companyId}/connections/{connectionId}/push/suppliers", {
        id: "X",
        addresses: [{ line1: "no type" }],
      }),
    ).not.toEqual([]);
  });
});
