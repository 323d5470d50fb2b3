import { describe, expect, it } from "vitest";
import { createOpenApiValidator, rewriteNullable, validateResponse, validateSchema } from "./openapi-validator";
import { connectionBody, errorBody, pushOperationBody } from "./testing/codat-fixtures";

describe("rewriteNullable", () => {
  it("turns OpenAPI 3.0 nullable into JSON Schema, without moving other nodes", () => {
    expect(rewriteNullable({ type: "string", nullable: true })).toEqual({ type: ["string", "null"] });
    expect(rewriteNullable({ type: "string", enum: ["A"], nullable: true })).toEqual({ type: ["string", "null"], enum: ["A", null] });
    expect(rewriteNullable({ $ref: "#/x", nullable: true, description: "d" })).toEqual({
      description: "d",
      anyOf: [{ $ref: "#/x" }, { type: "null" }],
    });
    expect(rewriteNullable({ type: "object", nullable: false })).toEqual({ type: "object" });
    // A property that happens to be called "nullable" is left alone.
    expect(rewriteNullable({ properties: { nullable: { type: "boolean" } } })).toEqual({
      properties: { nullable: { type: "boolean" } },
    });
  });
});

describe("validateResponse", () => {
  it("checks error bodies against the documented error responses", () => {
    for (const status of [400, 401, 404, 429, 500, 503]) {
      expect(validateResponse("platform", "get", "/companies", status, errorBody({ statusCode: status }))).toEqual([]);
    }
  });

  it("reports undocumented statuses and unknown operations", () => {
    expect(validateResponse("platform", "get", "/companies/{companyId}", 418, {})).toEqual([
      "GET /companies/{companyId} 418 response is not documented in the platform spec",
    ]);
    expect(validateResponse("platform", "get", "/nowhere", 200, {})).toEqual(["platform spec has no operation GET /nowhere"]);
  });

  it("catches what the simulator could get wrong", () => {
    const errors = validateResponse("platform", "get", "/companies/{companyId}/push/{pushOperationKey}", 200, {
      ...pushOperationBody(),
      completedOnUtc: null,
      pushOperationKey: "not-a-uuid",
    });
    expect(errors).toContain("/completedOnUtc must be string");
    expect(errors).toContain('/pushOperationKey must match format "uuid"');

    const extra = validateSchema("platform", "Connection", { ...connectionBody(), companyId: "x" });
    expect(extra).toContain("(root) must NOT have additional properties: companyId");
  });
});

describe("createOpenApiValidator", () => {
  it("says clearly when the specs are not where it looks", () => {
    const v = createOpenApiValidator("/nonexistent");
    expect(() => v.validateSchema("platform", "Connection", {})).toThrow(/Codat spec not found/);
  });
});
