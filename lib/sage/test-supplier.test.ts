import { describe, expect, it } from "vitest";
import { SUPPLIER_RULE_CASES, VALID_SUPPLIER } from "./test-supplier.fixtures";
import {
  buildTestSupplier,
  DOCUMENTED_TEST_SUPPLIER_RULES,
  testSupplierRulesFromOptions,
  type SupplierPushOptionField,
  checkSupplierAgainstSage50Rules,
  SUPPLIER_VALIDATOR_NAME,
  testSupplierName,
} from "./test-supplier";

const ATTEMPT = new Date("2025-03-04T10:11:12Z");

describe("buildTestSupplier", () => {
  it("builds a labelled, valid supplier", () => {
    expect(VALID_SUPPLIER).toMatchObject({
      supplierName: "Acme Pay connection test - safe to delete",
      status: "Active",
      addresses: [{ type: "Unknown", line1: expect.any(String) }],
    });
    expect(VALID_SUPPLIER.id).toMatch(/^TST[0-9A-Z]{5}$/);
    expect(VALID_SUPPLIER.contactName?.length).toBeLessThanOrEqual(30);
    expect(checkSupplierAgainstSage50Rules(VALID_SUPPLIER)).toEqual([]);
  });

  it("is deterministic for the same attempt and random suffix", () => {
    const again = buildTestSupplier({ integratorName: "Acme Pay", attempt: ATTEMPT.getTime(), randomSuffix: "6f1c2a" });
    expect(again).toEqual(VALID_SUPPLIER);
  });

  it("gives different ids to attempts in the same second with different random suffixes", () => {
    const ids = new Set(
      ["a", "b", "c", "d", "e", "f", "g", "h"].map(
        (suffix) => buildTestSupplier({ integratorName: "X", attempt: ATTEMPT, randomSuffix: suffix }).id,
      ),
    );
    expect(ids.size).toBe(8);
  });

  it("gives different ids to attempts seconds apart with the same random suffix", () => {
    const ids = new Set(
      [0, 1, 2, 60, 3600].map(
        (s) => buildTestSupplier({ integratorName: "X", attempt: ATTEMPT.getTime() + s * 1000, randomSuffix: "r" }).id,
      ),
    );
    expect(ids.size).toBe(5);
  });

  it.each<[string, string]>([
    ["Acme Pay", "Acme Pay connection test - safe to delete"],
    ["  Acme\n Pay ", "Acme Pay connection test - safe to delete"],
    ["", "Codat connection test - safe to delete"],
    ["A Very Long Integrator Name Holdings", "A Very Long Integrator Name connection test - safe to delete"],
    ["A Very Long Integrator Names Holdings", "A Very Long Integrator connection test - safe to delete"],
    ["Überweisung & Co.", "Überweisung & Co. connection test - safe to delete"],
  ])("names the integrator %j → %j", (integrator, name) => {
    expect(testSupplierName(integrator)).toBe(name);
    expect(name.length).toBeLessThanOrEqual(60);
  });

  it("stays within Sage 50's rules for any integrator name", () => {
    for (const integrator of ["x".repeat(200), "a b ".repeat(40), "\u0000\u0007", "😀".repeat(40)]) {
      const supplier = buildTestSupplier({ integratorName: integrator, attempt: 0, randomSuffix: "" });
      expect(checkSupplierAgainstSage50Rules(supplier)).toEqual([]);
    }
  });
});

describe("checkSupplierAgainstSage50Rules", () => {
  it.each(SUPPLIER_RULE_CASES)("%s", (_name, supplier, ruleIds) => {
    const violations = checkSupplierAgainstSage50Rules(supplier);
    expect(violations.map((v) => v.ruleId).sort()).toEqual([...ruleIds].sort());
    for (const v of violations) {
      expect(v.validatorName).toBe(SUPPLIER_VALIDATOR_NAME);
      expect(v.message.length).toBeGreaterThan(0);
      expect(typeof v.itemId).toBe("string");
    }
  });

  it("names the supplier in itemId", () => {
    expect(checkSupplierAgainstSage50Rules({ id: "abc" })[0]?.itemId).toBe("abc");
  });

  it("refuses an id already in the company, whatever its case", () => {
    const violations = checkSupplierAgainstSage50Rules({ id: "TST1", supplierName: "x" }, { existingSupplierIds: ["tst1"] });
    expect(violations.map((v) => v.ruleId)).toEqual(["id.unique"]);
  });
});

describe("testSupplierRulesFromOptions", () => {
  const f = (over: Partial<SupplierPushOptionField> = {}): SupplierPushOptionField => ({
    required: false,
    options: [],
    warnings: [],
    information: [],
    ...over,
  });

  it("reads limits from the fields' notes and never raises them above the documented ones", () => {
    const rules = testSupplierRulesFromOptions({
      fields: {
        id: f({ required: true, warnings: ["Ids have a maximum of 6 characters."] }),
        supplierName: f({ required: true, warnings: ["At most 40 characters."] }),
        contactName: f({ warnings: ["Up to 300 characters."] }),
      },
      warnings: [],
      information: [],
    });
    expect(rules).toMatchObject({ source: "push_options", idMaxLength: 6, supplierNameMaxLength: 40, contactNameMaxLength: 30 });
    const supplier = buildTestSupplier({ integratorName: "A Rather Long Integrator Name", attempt: 0, randomSuffix: "x", rules });
    expect(supplier.id).toHaveLength(6);
    expect(supplier.supplierName.length).toBeLessThanOrEqual(40);
    expect(supplier.contactName).toBe("Connection test");
  });

  it("picks an address type the options list, Billing first, else the first listed", () => {
    const typed = (...values: string[]) =>
      testSupplierRulesFromOptions({
        fields: { addresses: f(), "addresses.line1": f({ required: true }), "addresses.type": f({ options: values.map((value) => ({ value })) }) },
        warnings: [],
        information: [],
      }).addressType;
    expect(typed("Unknown")).toBe("Unknown");
    expect(typed("Delivery", "Billing")).toBe("Billing");
    expect(typed("Delivery")).toBe("Delivery");
    expect(typed()).toBeNull();
  });

  it("leaves out what the options do not have and names required fields it cannot fill", () => {
    const rules = testSupplierRulesFromOptions({
      fields: { supplierName: f({ required: true }), status: f({ required: true }), registrationNumber: f({ required: true }) },
      warnings: [],
      information: [],
    });
    expect(rules).toMatchObject({ sendContactName: false, sendAddress: false, unfilledRequired: ["registrationNumber"] });
    const supplier = buildTestSupplier({ integratorName: "X", attempt: 0, randomSuffix: "", rules });
    expect(supplier.contactName).toBeUndefined();
    expect(supplier.addresses).toEqual([]);
  });

  it("falls back to the documented rules, whose address type Sage 50 lists", () => {
    expect(DOCUMENTED_TEST_SUPPLIER_RULES).toMatchObject({ source: "documented", idMaxLength: 8, addressType: "Unknown" });
  });
});
