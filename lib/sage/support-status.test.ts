import { describe, expect, it } from "vitest";
import { classifySetup, type SetupStatusFlags, type SetupStatusInput } from "./support-status";

const NOW = new Date("2025-03-10T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 24 * 60 * 60 * 1000);

const BASE: SetupStatusInput = {
  lastActivityAt: daysAgo(0),
  now: NOW,
  stuckAfterDays: 3,
  connectionStatus: "Linked",
  latestTestPushStatus: null,
  pushEnabled: false,
};

const flags = (stuck: boolean, failing: boolean, waitingOnConnector: boolean): SetupStatusFlags => ({ stuck, failing, waitingOnConnector });

describe("classifySetup", () => {
  it.each<[string, Partial<SetupStatusInput>, SetupStatusFlags]>([
    ["fresh, linked, no test push", {}, flags(false, false, false)],
    ["idle just under the limit", { lastActivityAt: new Date(daysAgo(3).getTime() + 1) }, flags(false, false, false)],
    ["idle exactly at the limit", { lastActivityAt: daysAgo(3) }, flags(true, false, false)],
    ["idle for a week", { lastActivityAt: daysAgo(7) }, flags(true, false, false)],
    ["idle but push enabled is never stuck", { lastActivityAt: daysAgo(30), pushEnabled: true }, flags(false, false, false)],
    ["custom limit", { lastActivityAt: daysAgo(2), stuckAfterDays: 1 }, flags(true, false, false)],
    ["no connection yet", { connectionStatus: null }, flags(false, false, true)],
    ["PendingAuth", { connectionStatus: "PendingAuth" }, flags(false, false, true)],
    ["test push pending", { latestTestPushStatus: "pending" }, flags(false, false, true)],
    ["test push starting", { latestTestPushStatus: "starting" }, flags(false, false, true)],
    ["test push succeeded", { latestTestPushStatus: "success" }, flags(false, false, false)],
    ["test push failed", { latestTestPushStatus: "failed" }, flags(false, true, false)],
    ["test push timed out", { latestTestPushStatus: "timed_out" }, flags(false, true, false)],
    ["test push errored", { latestTestPushStatus: "error" }, flags(false, true, false)],
    ["Deauthorized", { connectionStatus: "Deauthorized" }, flags(false, true, false)],
    ["Unlinked, push enabled", { connectionStatus: "Unlinked", pushEnabled: true }, flags(false, true, false)],
    ["stuck and failing", { lastActivityAt: daysAgo(5), latestTestPushStatus: "timed_out" }, flags(true, true, false)],
  ])("%s", (_name, overrides, expected) => {
    expect(classifySetup({ ...BASE, ...overrides })).toEqual(expected);
  });
});
