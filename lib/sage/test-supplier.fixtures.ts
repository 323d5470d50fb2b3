import { buildTestSupplier } from "./test-supplier";

export const VALID_SUPPLIER = buildTestSupplier({
  integratorName: "Acme Pay",
  attempt: new Date("2025-03-04T10:11:12Z"),
  randomSuffix: "6f1c2a",
});

/** [case name, supplier body as pushed, rule ids broken] */
export const SUPPLIER_RULE_CASES: [string, unknown, string[]][] = [
  ["our test supplier", VALID_SUPPLIER, []],
  ["minimal supplier", { id: "ABC", supplierName: "Abc Ltd", status: "Active" }, []],
  ["null optional fields", { id: "ABC", supplierName: "Abc Ltd", contactName: null, addresses: null, status: null }, []],
  ["missing id", { supplierName: "Abc Ltd" }, ["id.required"]],
  ["blank id", { id: "  ", supplierName: "Abc Ltd" }, ["id.required"]],
  ["numeric id", { id: 12, supplierName: "Abc Ltd" }, ["id.type"]],
  ["id of 9 characters", { id: "ABCDEFGHI", supplierName: "Abc Ltd" }, ["id.maxLength"]],
  ["id of 8 characters", { id: "ABCDEFGH", supplierName: "Abc Ltd" }, []],
  ["id with a space", { id: "AB CD", supplierName: "Abc Ltd" }, ["id.noSpaces"]],
  ["lower-case id", { id: "abc", supplierName: "Abc Ltd" }, ["id.upperCase"]],
  ["long lower-case id with space", { id: "abc defgh", supplierName: "Abc Ltd" }, ["id.maxLength", "id.noSpaces", "id.upperCase"]],
  ["missing name", { id: "ABC" }, ["supplierName.required"]],
  ["empty name", { id: "ABC", supplierName: "" }, ["supplierName.required"]],
  ["name of 60", { id: "ABC", supplierName: "n".repeat(60) }, []],
  ["name of 61", { id: "ABC", supplierName: "n".repeat(61) }, ["supplierName.maxLength"]],
  ["contact of 30", { id: "ABC", supplierName: "Abc", contactName: "c".repeat(30) }, []],
  ["contact of 31", { id: "ABC", supplierName: "Abc", contactName: "c".repeat(31) }, ["contactName.maxLength"]],
  ["archived status", { id: "ABC", supplierName: "Abc", status: "Archived" }, ["status.active"]],
  ["one address with line1", { id: "ABC", supplierName: "Abc", addresses: [{ type: "Billing", line1: "1 High St" }] }, []],
  ["address without line1", { id: "ABC", supplierName: "Abc", addresses: [{ type: "Billing", city: "Leeds" }] }, ["addresses.line1.required"]],
  [
    "two addresses",
    { id: "ABC", supplierName: "Abc", addresses: [{ type: "Billing", line1: "1 High St" }, { type: "Delivery", line1: "2 Low St" }] },
    ["addresses.max"],
  ],
  ["addresses not a list", { id: "ABC", supplierName: "Abc", addresses: { line1: "x" } }, ["addresses.type"]],
  ["not an object", "ABC", ["supplier.object"]],
  ["an array", [], ["supplier.object"]],
];
