import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONNECTION_STATUSES as OUR_CONNECTION_STATUSES } from "@/lib/sage/types";
import { simConnectionStatuses, simPushStatuses } from "@/lib/simulator/schema";
import { DEFAULT_SPEC_DIR } from "./openapi-validator";
import { CODAT_ADDRESS_TYPES, CONNECTION_STATUSES, PUSH_STATUSES } from "./types";

/**
 * Codat's wire values are Codat's contract, so three copies are allowed: the adapter's (lib/codat),
 * the simulator's (it plays Codat) and ours (lib/sage: we store the connection status as Codat says it).
 * All must be exactly the enums of the vendored OpenAPI specs.
 */
type Schema = { enum?: string[]; definitions?: Record<string, Schema> };

function specEnum(file: string, schema: string, definition: string): string[] {
  const spec = JSON.parse(readFileSync(path.join(DEFAULT_SPEC_DIR, file), "utf8")) as { components: { schemas: Record<string, Schema> } };
  return spec.components.schemas[schema]?.definitions?.[definition]?.enum ?? [];
}

describe.each(["Codat-Platform.json", "Codat-Sync-Payables-v1.json"])("Codat's status lists in %s", (file) => {
  it("connection statuses: the adapter's, the simulator's and ours are Codat's", () => {
    const codat = specEnum(file, "Connection", "dataConnectionStatus");
    expect(codat.length).toBeGreaterThan(0);
    expect([...CONNECTION_STATUSES].sort()).toEqual([...codat].sort());
    expect([...simConnectionStatuses].sort()).toEqual([...codat].sort());
    expect([...OUR_CONNECTION_STATUSES].sort()).toEqual([...codat].sort());
  });

  it("push operation statuses: the adapter's and the simulator's are Codat's", () => {
    const codat = specEnum(file, "PushOperation", "pushOperationStatus");
    expect(codat.length).toBeGreaterThan(0);
    expect([...PUSH_STATUSES].sort()).toEqual([...codat].sort());
    expect([...simPushStatuses].sort()).toEqual([...codat].sort());
  });

  it("address types: the adapter's are Codat's", () => {
    const codat = specEnum("Codat-Sync-Payables-v1.json", "Address", "accountingAddressType");
    expect(codat.length).toBeGreaterThan(0);
    expect([...CODAT_ADDRESS_TYPES].sort()).toEqual([...codat].sort());
  });
});
