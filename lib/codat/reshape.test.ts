import { describe, expect, it } from "vitest";
import { toCodatCompanyName } from "./companies";
import { CodatError } from "./errors";
import { validateSchema } from "./openapi-validator";
import {
  pickSage50Connection,
  toCodatSupplier,
  toCompanyInfo,
  toCompanyRef,
  toConnection,
  toPage,
  toPushOperation,
} from "./reshape";
import { companyBody, connectionBody, IDS, pagedBody, pushOperationBody } from "./testing/codat-fixtures";

describe("toConnection", () => {
  it("fills what Codat leaves out with null or empty lists", () => {
    const { integrationKey: _k, lastSync: _l, dataConnectionErrors: _e, ...bare } = connectionBody();
    const connection = toConnection(bare);
    expect(connection.integrationKey).toBeNull();
    expect(connection.lastSync).toBeNull();
    expect(connection.errors).toEqual([]);
  });

  it("refuses a status we do not know rather than guess", () => {
    const body = { ...connectionBody(), status: "Sleeping" } as unknown as Parameters<typeof toConnection>[0];
    expect(() => toConnection(body)).toThrow(CodatError);
  });
});

describe("toCompanyRef", () => {
  it("picks the newest Sage 50 connection and ignores others", () => {
    const older = connectionBody({ id: "11111111-1111-4111-8111-111111111111", status: "Deauthorized", created: "2026-01-01T00:00:00Z" });
    const newer = connectionBody({ status: "Linked", created: "2026-02-01T00:00:00Z" });
    const xero = connectionBody({ id: "22222222-2222-4222-8222-222222222222", integrationKey: "gbol", created: "2026-03-01T00:00:00Z" });
    const ref = toCompanyRef(companyBody({ dataConnections: [older, xero, newer] }));
    expect(ref.sage50Connection?.id).toBe(IDS.connection);
    expect(ref.sage50Connection?.status).toBe("Linked");
  });

  it("leaves optional fields out rather than undefined", () => {
    const { description: _d, created: _c, dataConnections: _dc, ...bare } = companyBody();
    expect(toCompanyRef(bare)).toEqual({ id: IDS.company, name: "Harbour Lane Joinery" });
  });

  it("has no Sage 50 connection when there is none", () => {
    expect(pickSage50Connection([])).toBeUndefined();
  });
});

describe("toPushOperation", () => {
  it("treats an absent or null completion time as not completed", () => {
    expect(toPushOperation(pushOperationBody()).completedAt).toBeNull();
    const { timeoutInMinutes: _t, validation: _v, changes: _c, errorMessage: _m, dataType: _d, ...bare } = pushOperationBody();
    const op = toPushOperation(bare);
    expect(op).toMatchObject({ timeoutInMinutes: null, errorMessage: null, dataType: null, changes: [] });
    expect(op.validation).toEqual({ errors: [], warnings: [] });
  });

  it("normalises validation items", () => {
    const op = toPushOperation(pushOperationBody({ status: "Failed", validation: { errors: [{ message: "Too long" }], warnings: null } }));
    expect(op.validation.errors).toEqual([{ itemId: null, message: "Too long", validatorName: null }]);
  });

  it("refuses an unknown status", () => {
    const body = { ...pushOperationBody(), status: "Queued" } as unknown as Parameters<typeof toPushOperation>[0];
    let detail = "";
    try {
      toPushOperation(body);
    } catch (err) {
      detail = err instanceof CodatError ? err.detail : "";
    }
    expect(detail).toMatch(/push operation status "Queued"/);
  });
});

describe("toPage", () => {
  it("knows there is a next page from the links or the counts", () => {
    expect(toPage(pagedBody([1], { path: "/x", page: 1, pageSize: 1, totalResults: 2 }), String).hasNextPage).toBe(true);
    expect(toPage(pagedBody([1, 2], { path: "/x", page: 1, pageSize: 2, totalResults: 2 }), String).hasNextPage).toBe(false);
    expect(toPage({ pageNumber: 1, pageSize: 10, totalResults: 0, _links: { self: { href: "/x" }, current: { href: "/x" } } }, String).items).toEqual([]);
  });
});

describe("toCompanyInfo", () => {
  it("keeps the two fields we use", () => {
    expect(toCompanyInfo({ companyName: null })).toEqual({ companyName: null, baseCurrency: null });
  });
});

describe("toCodatSupplier", () => {
  it("builds an Active supplier with one billing address, valid against the spec", () => {
    const body = toCodatSupplier({
      id: "TEST0001",
      supplierName: "Test supplier",
      emailAddress: "test@example.com",
      phone: "0117 000 0000",
      address: { line1: "1 Test Street", country: "United Kingdom" },
    });
    expect(body).toEqual({
      id: "TEST0001",
      supplierName: "Test supplier",
      status: "Active",
      emailAddress: "test@example.com",
      phone: "0117 000 0000",
      addresses: [{ type: "Unknown", line1: "1 Test Street", country: "United Kingdom" }],
    });
    expect(validateSchema("payables", "Supplier", body)).toEqual([]);
  });
});

describe("toCodatCompanyName", () => {
  it.each([
    ["Company (Codat[1])", "Company Codat1"],
    ["Smith & Sons, Ltd.", "Smith & Sons, Ltd."],
    ["  Café  Ltd/UK ", "Caf LtdUK"],
    ["O'Neill - Joinery!", "O'Neill - Joinery!"],
  ])("%j becomes %j", (input, output) => {
    expect(toCodatCompanyName(input)).toBe(output);
  });
});
