import { describe, expect, it } from "vitest";

type Item = { webhookId: string; companyIndex: number; operationKey: string; successful: boolean; replay: boolean };
type Plan = { items: Item[]; expected: { succeeded: number; failed: number }[] };
type OpenLoop = { dueCount: (elapsedMs: number, rate: number, total: number) => number; dueAtMs: (n: number, rate: number) => number };
type Ingestion = { planWebhooks: (input: { total: number; companies: number; seed?: number; newId?: () => string }) => Plan };

// The bench is plain JavaScript run by node: imported by a name tsc does not follow.
const load = async <T>(file: string) => (await import(/* @vite-ignore */ file)) as T;

describe("the bench's open-loop schedule", () => {
  it("makes request n due at n / rate seconds, the first at once", async () => {
    const { dueCount, dueAtMs } = await load<OpenLoop>("./open-loop.mjs");
    expect(dueCount(-1, 300, 18_000)).toBe(0);
    expect(dueCount(0, 300, 18_000)).toBe(1);
    expect(dueCount(1_000, 300, 18_000)).toBe(301);
    expect(dueCount(59_999, 300, 18_000)).toBe(18_000);
    expect(dueCount(120_000, 300, 18_000)).toBe(18_000);
    expect(dueAtMs(300, 300)).toBe(1_000);
    for (const n of [0, 1, 299, 17_999]) expect(dueCount(dueAtMs(n, 300), 300, 18_000)).toBe(n + 1);
  });
});

describe("the bench's webhook plan", () => {
  it("counts each new operation once, replays resend an earlier webhook, about 10% fail and 5% replay", async () => {
    const { planWebhooks } = await load<Ingestion>("./webhook-ingestion.mjs");
    let id = 0;
    const { items, expected } = planWebhooks({ total: 10_000, companies: 200, seed: 7, newId: () => `id-${id++}` });
    expect(items).toHaveLength(10_000);
    const fresh = items.filter((i) => !i.replay);
    const replays = items.filter((i) => i.replay);
    expect(new Set(fresh.map((i) => i.webhookId)).size).toBe(fresh.length);
    expect(new Set(fresh.map((i) => i.operationKey)).size).toBe(fresh.length);
    items.forEach((item, n) => {
      if (!item.replay) return;
      const original = items.findIndex((i) => !i.replay && i.webhookId === item.webhookId);
      expect(original).toBeGreaterThanOrEqual(0);
      expect(original).toBeLessThan(n - 50);
      expect(items[original]).toEqual({ ...item, replay: false });
    });
    expect(replays.length / items.length).toBeGreaterThan(0.04);
    expect(replays.length / items.length).toBeLessThan(0.06);
    const failed = fresh.filter((i) => !i.successful).length / fresh.length;
    expect(failed).toBeGreaterThan(0.08);
    expect(failed).toBeLessThan(0.12);
    expect(expected.reduce((n, e) => n + e.succeeded + e.failed, 0)).toBe(fresh.length);
    expect(expected[3]).toEqual({
      succeeded: fresh.filter((i) => i.companyIndex === 3 && i.successful).length,
      failed: fresh.filter((i) => i.companyIndex === 3 && !i.successful).length,
    });
  });
});
