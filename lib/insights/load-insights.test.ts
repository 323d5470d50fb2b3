import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import { listSetups } from "@/lib/support/list-setups";
import { readSupportListParams } from "@/lib/support/support-list-schema";
import { loadInsights } from "./load-insights";
import { seedHistory, type SetupHistory } from "@/lib/demo/seed-setup-history";

/** A Wednesday: the 30-day period starts on Monday 2 November. */
const NOW = new Date("2026-12-02T12:00:00Z");

const HISTORIES: SetupHistory[] = [
  {
    // New flow, all the way: 1 h, 2 h, 4 h, 1 h, 2 h and 1 h in its six steps; link to push on 10.5 h.
    name: "Alpha",
    createdDaysAgo: 10,
    connectionStatus: "Linked",
    linkIssuedAt: 0.5,
    beforeStartDone: 1,
    pushUserDone: 3,
    connectorLinked: 7,
    companyConfirmed: 8,
    pushes: [
      { status: "failed", at: 9, diagnosisCode: "concurrent_login" },
      { status: "success", at: 10 },
    ],
    pushEnabled: 11,
    writes: { failed: [{ diagnosisCode: "concurrent_login", daysAgo: 1 }, { diagnosisCode: "concurrent_login", daysAgo: 1 }], days: [{ daysAgo: 1, failed: 5 }] },
  },
  // New flow, stopped on the connector (2 h, 4 h in the first two steps), quiet for 4 days.
  { name: "Bravo", createdDaysAgo: 5, connectionStatus: "PendingAuth", beforeStartDone: 2, pushUserDone: 6, quietDays: 4 },
  // New flow, never started, quiet for 3.5 days.
  { name: "Charlie", createdDaysAgo: 3.5, connectionStatus: null, quietDays: 3.5 },
  {
    // Upgrade flow: 1 h, 1 h, 3 h, 1 h, 2 h; link to push on 8 h.
    name: "Delta",
    flow: "upgrade",
    createdDaysAgo: 20,
    connectionStatus: "Linked",
    linkIssuedAt: 0,
    beforeStartDone: 1,
    pushUserDone: 2,
    companyConfirmed: 5,
    pushes: [
      { status: "timed_out", at: 5.5, diagnosisCode: "connector_offline" },
      { status: "success", at: 6 },
    ],
    pushEnabled: 8,
  },
  // Created before the period: counted nowhere.
  {
    name: "Echo",
    createdDaysAgo: 40,
    connectionStatus: "Linked",
    linkIssuedAt: 0,
    beforeStartDone: 1,
    pushUserDone: 2,
    connectorLinked: 3,
    companyConfirmed: 4,
    pushes: [{ status: "error", at: 4.5, diagnosisCode: "codat_unavailable" }, { status: "success", at: 5 }],
    pushEnabled: 6,
  },
];

const H = 3600;

describeEachDatabase("insights on $name", ({ open }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await open();
    for (const history of HISTORIES) await seedHistory(h.db, history, NOW);
  });
  afterAll(async () => h?.close());

  it("counts each step's setups, conversions and the median and p90 time spent in it", async () => {
    const view = await loadInsights(h.db, { days: 30, flow: "all" }, NOW);
    expect(view.funnel.map((s) => [s.step, s.reached, s.movedOn, s.medianSeconds, s.p90Seconds])).toEqual([
      ["before-start", 4, 3, 1 * H, 1.8 * H],
      ["push-user", 3, 3, 2 * H, 3.6 * H],
      ["connector", 2, 1, 4 * H, 4 * H],
      ["credentials", 2, 2, 2 * H, 2.8 * H],
      ["test-push", 2, 2, 1.5 * H, 1.9 * H],
      ["enable-push", 2, 2, 1.5 * H, 1.9 * H],
    ]);
    expect(view.funnel.map((s) => s.conversion)).toEqual([0.75, 1, 0.5, 1, 1, 1]);
    expect(view.losingMost?.step).toBe("before-start");
  });

  it("keeps to one flow when asked", async () => {
    const upgrade = await loadInsights(h.db, { days: 30, flow: "upgrade" }, NOW);
    expect(upgrade.funnel.map((s) => [s.step, s.reached, s.movedOn])).toEqual([
      ["before-start", 1, 1],
      ["push-user", 1, 1],
      ["credentials", 1, 1],
      ["test-push", 1, 1],
      ["enable-push", 1, 1],
    ]);
    const recent = await loadInsights(h.db, { days: 7, flow: "new" }, NOW);
    expect(recent.funnel[0]).toMatchObject({ step: "before-start", reached: 2, movedOn: 1 });
  });

  it("counts stalled setups by the step they are on, each linking to exactly those setups", async () => {
    const view = await loadInsights(h.db, { days: 30, flow: "all" }, NOW);
    expect(view.stalledAfterDays).toBe(3);
    const counts = Object.fromEntries(view.stalled.filter((s) => s.count > 0).map((s) => [s.step, s.count]));
    expect(counts).toEqual({ "before-start": 1, connector: 1 });
    for (const [step, name] of [
      ["connector", "Bravo"],
      ["before-start", "Charlie"],
    ] as const) {
      const link = view.stalled.find((s) => s.step === step)!.href;
      expect(link).toBe(`/support?filter=stuck&step=${step}`);
      const params = Object.fromEntries(new URL(link, "http://x").searchParams);
      const list = await listSetups(h.db, readSupportListParams(params).query, NOW);
      expect(list.items.map((i) => i.name)).toEqual([name]);
    }
  });

  it("stacks test-push and real write failures by cause and week, with shares", async () => {
    const view = await loadInsights(h.db, { days: 30, flow: "all" }, NOW);
    expect(view.testPushes.rows.map((r) => r.week)).toEqual(["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"]);
    expect(view.testPushes.causes).toEqual([
      { cause: "concurrent_login", total: 1, share: 0.5 },
      { cause: "connector_offline", total: 1, share: 0.5 },
    ]);
    expect(view.testPushes.rows.filter((r) => r.total > 0).map((r) => [r.week, r.counts])).toEqual([
      ["2026-11-09", { concurrent_login: 0, connector_offline: 1 }],
      ["2026-11-16", { concurrent_login: 1, connector_offline: 0 }],
    ]);
    expect(view.testPushes.passed).toBe(2);
    expect(view.testPushes.labels.concurrent_login).toBe("Sage 50 login already in use");
    // Five counted on the day, two kept with their cause: three are shown as no longer kept.
    expect(view.writes.causes).toEqual([
      { cause: "not_kept", total: 3, share: 0.6 },
      { cause: "concurrent_login", total: 2, share: 0.4 },
    ]);
    expect(view.writes.rows.at(-1)).toEqual({ week: "2026-11-30", counts: { not_kept: 3, concurrent_login: 2 }, total: 5 });
  });

  it("counts setups completed per week and the median time from first link to push on", async () => {
    const view = await loadInsights(h.db, { days: 30, flow: "all" }, NOW);
    expect(view.completions.filter((c) => c.count > 0)).toEqual([
      { week: "2026-11-09", count: 1 },
      { week: "2026-11-16", count: 1 },
    ]);
    expect(view.medianLinkToPushSeconds).toBe(9.25 * H);
  });
});
