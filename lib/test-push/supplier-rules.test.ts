import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SPEC_DIR, validateSchema } from "@/lib/codat/openapi-validator";
import { toCodatSupplier, toSupplierPushOptions } from "@/lib/codat/reshape";
import { sage50SupplierOptions } from "@/lib/simulator/codat-api/supplier-options";
import { buildTestSupplier, checkSupplierAgainstSage50Rules, testSupplierRulesFromOptions } from "@/lib/sage/test-supplier";

/**
 * The test supplier built from supplier push options as Codat documents them (the vendored spec's own
 * examples) and as the simulator answers them: the two must lead to the same record.
 */
type PushOptionBody = Parameters<typeof toSupplierPushOptions>[0];

function specExample(name: string): PushOptionBody {
  const spec = JSON.parse(readFileSync(path.join(DEFAULT_SPEC_DIR, "Codat-Sync-Payables-v1.json"), "utf8")) as {
    paths: Record<string, { get: { responses: { 200: { content: { "application/json": { examples: Record<string, { value: PushOptionBody }> } } } } } }>;
  };
  const examples = spec.paths["/companies/{companyId}/connections/{connectionId}/options/suppliers"]!.get.responses[200].content["application/json"].examples;
  const example = examples[name];
  if (!example) throw new Error(`no example ${name}`);
  return example.value;
}

function bodyFor(options: PushOptionBody) {
  const rules = testSupplierRulesFromOptions(toSupplierPushOptions(options));
  const supplier = buildTestSupplier({ integratorName: "Acme Pay", attempt: new Date("2026-03-04T10:11:12Z"), randomSuffix: "r", rules });
  const address = supplier.addresses[0];
  const type = address?.type === "Unknown" || address?.type === "Billing" || address?.type === "Delivery" ? address.type : undefined;
  const body = toCodatSupplier({
    id: supplier.id,
    supplierName: supplier.supplierName,
    ...(supplier.contactName !== undefined ? { contactName: supplier.contactName } : {}),
    ...(address ? { address: { line1: address.line1, ...(type ? { type } : {}) } } : {}),
  });
  return { rules, supplier, body };
}

describe("the test supplier from Codat's documented Sage 50 push options", () => {
  const { rules, supplier, body } = bodyFor(specExample("Sage 50 (UK)"));

  it("reads the limits, the id's case and the one address type Sage 50 lists", () => {
    expect(rules).toMatchObject({
      source: "push_options",
      idMaxLength: 8,
      idUpperCase: true,
      supplierNameMaxLength: 60,
      contactNameMaxLength: 30,
      sendContactName: true,
      sendAddress: true,
      addressType: "Unknown",
      unfilledRequired: [],
    });
  });

  it("sends a record Codat's Supplier schema accepts, with an address type the options list", () => {
    expect(body.addresses).toEqual([{ type: "Unknown", line1: expect.any(String) }]);
    expect(validateSchema("payables", "Supplier", body)).toEqual([]);
    expect(checkSupplierAgainstSage50Rules(supplier)).toEqual([]);
  });
});

describe("the test supplier from another integration's documented options", () => {
  it("leaves the address type to Codat when none is listed, and keeps the documented limits", () => {
    const { rules, body } = bodyFor(specExample("Exact (UK)"));
    expect(rules.addressType).toBeNull();
    expect(rules.idMaxLength).toBe(8);
    expect(body.addresses?.[0]?.type).toBe("Unknown");
    expect(validateSchema("payables", "Supplier", body)).toEqual([]);
  });
});

describe("the simulator's Sage 50 push options", () => {
  it("lead to the same test supplier as Codat's documented example", () => {
    const documented = bodyFor(specExample("Sage 50 (UK)"));
    const simulated = bodyFor(sage50SupplierOptions(22) as PushOptionBody);
    expect(simulated.rules).toEqual(documented.rules);
    expect(simulated.body).toEqual(documented.body);
  });
});
