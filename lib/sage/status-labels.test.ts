import { describe, expect, it } from "vitest";
import { CONNECTION_STATUSES, SETUP_FLOWS, TEST_PUSH_STATUSES } from "@/lib/sage/types";
import { CONNECTION_STATUS_BADGES, FLOW_LABELS, PUSH_HEALTH_BADGES, TEST_PUSH_STATUS_BADGES, connectionStatusBadge } from "./status-labels";
import { PUSH_HEALTH_STATES } from "./push-health";

describe("status labels", () => {
  it.each([
    ["connection statuses", CONNECTION_STATUS_BADGES, CONNECTION_STATUSES],
    ["test-push statuses", TEST_PUSH_STATUS_BADGES, TEST_PUSH_STATUSES],
    ["flows", FLOW_LABELS, SETUP_FLOWS],
    ["push health states", PUSH_HEALTH_BADGES, PUSH_HEALTH_STATES],
  ] as const)("%s: one label for each value of the lib/sage list, and no other", (_name, labels, list) => {
    expect(Object.keys(labels).sort()).toEqual([...list].sort());
    for (const value of Object.values(labels)) expect(value.label).not.toBe("");
  });

  it("shows a status it does not know as written, and no connection as such", () => {
    expect(connectionStatusBadge("Gone")).toEqual({ label: "Gone", tone: "neutral" });
    expect(connectionStatusBadge(null).label).toBe("No connection");
  });
});
