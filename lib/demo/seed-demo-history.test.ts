import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import { loadInsights } from "@/lib/insights/load-insights";
import { seedDemoHistory } from "./seed-demo-history";

describeEachDatabase("demo history on $name", ({ open }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await open();
    await seedDemoHistory(h.db);
    await seedDemoHistory(h.db); // once only
  });
  afterAll(async () => h?.close());

  it("gives every chart of the insights page something to show", async () => {
    const view = await loadInsights(h.db, { days: 90, flow: "all" });
    expect(view.funnel[0]?.reached).toBe(18);
    expect(view.funnel.every((s) => s.reached > 0)).toBe(true);
    expect(view.funnel.filter((s) => s.lost > 0).length).toBeGreaterThanOrEqual(4);
    expect(view.stalled.filter((s) => s.count > 0).length).toBeGreaterThanOrEqual(3);
    expect(view.testPushes.causes.length).toBeGreaterThanOrEqual(3);
    expect(view.writes.causes.length).toBeGreaterThanOrEqual(2);
    expect(view.completions.filter((c) => c.count > 0).length).toBeGreaterThanOrEqual(2);
    expect(view.medianLinkToPushSeconds).toBeGreaterThan(0);
    const month = await loadInsights(h.db, { days: 30, flow: "all" });
    expect(month.funnel[0]?.reached).toBeGreaterThan(3);
  });
});
