import { describe, expect, it } from "vitest";
import { ASSUMED_CONNECTOR_BEHAVIOURS, ASSUMED_CONNECTOR_MESSAGES } from "@/lib/sage/assumed-connector-behaviour";
import { matchPushError } from "@/lib/sage/push-error-patterns";
import { SIM_VARIANTS } from "../config";
import { UNFAMILIAR_CONNECTOR_MESSAGES } from "./unfamiliar-messages";

const users = ["Acme Push", "SARAH", "Manager", "Admin User", "push-user"];

describe("the connectorMessages: unfamiliar variant", () => {
  it("gives one message for every message the connector has", () => {
    expect(Object.keys(UNFAMILIAR_CONNECTOR_MESSAGES).sort()).toEqual(Object.keys(ASSUMED_CONNECTOR_MESSAGES).sort());
  });

  it.each(users)("no push-error pattern knows its messages (user %s)", (user) => {
    for (const message of [
      UNFAMILIAR_CONNECTOR_MESSAGES.loginInUse(user),
      UNFAMILIAR_CONNECTOR_MESSAGES.accessDenied(user),
      UNFAMILIAR_CONNECTOR_MESSAGES.versionUnsupported(),
    ]) {
      expect(matchPushError(message), message).toBeNull();
    }
  });
});

describe("assumed-connector-behaviour.ts", () => {
  it("names, for each assumed behaviour, a simulator variant that exists", () => {
    for (const entry of ASSUMED_CONNECTOR_BEHAVIOURS) {
      expect(entry.source.length).toBeGreaterThan(0);
      if (entry.status === "documented") continue;
      expect(entry.otherWay, entry.behaviour).not.toBeNull();
      if (entry.otherWay) expect(SIM_VARIANTS[entry.otherWay.variant] as readonly string[]).toContain(entry.otherWay.value);
    }
  });
});
