import { afterAll, beforeAll, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import { testPushes } from "@/lib/db/schema/test-pushes";
import { updateCompany, type CompanyRow } from "@/lib/db/queries/companies";
import { listSetups, type SetupListItem } from "./list-setups";
import { supportListQuerySchema, type SupportListQueryInput } from "./support-list-schema";
import { readCompany, seedSetup, type SetupState } from "./testing/setup-fixtures";

const NOW = new Date();
const ALL_DONE = {
  beforeStartDoneAt: NOW,
  pushUserDoneAt: NOW,
  pushUsername: "ACME PUSH",
  companyConfirmedAt: NOW,
};

/** Twelve setups, one per state the console tells apart. */
const STATES: SetupState[] = [
  { name: "Alpha Trading Ltd", connectionStatus: "PendingAuth" },
  { name: "Beta Bakery", connectionStatus: "Linked", daysSinceActivity: 1, pushes: [{ status: "failed", minutesAgo: 60 }], progress: ALL_DONE },
  {
    name: "Gamma Garage",
    connectionStatus: "Linked",
    pushEnabled: true,
    daysSinceActivity: 20,
    pushes: [
      { status: "failed", minutesAgo: 300 },
      { status: "success", minutesAgo: 200 },
    ],
    progress: ALL_DONE,
  },
  { name: "Delta Dental", connectionStatus: "Linked", daysSinceActivity: 10, progress: { beforeStartDoneAt: NOW } },
  { name: "Epsilon Estates", connectionStatus: "Deauthorized", daysSinceActivity: 5 },
  { name: "Zeta Zoo", connectionStatus: "Linked", pushes: [{ status: "pending", minutesAgo: 1 }], progress: ALL_DONE },
  { name: "Eta Electric", connectionStatus: null, daysSinceActivity: 2 },
  { name: "Theta Timber", connectionStatus: "Linked", pushes: [{ status: "timed_out", minutesAgo: 30 }], progress: ALL_DONE },
  { name: "Iota Interiors", flow: "upgrade", connectionStatus: "Linked", pushes: [{ status: "error", minutesAgo: 20 }] },
  { name: "Kappa Kitchens", connectionStatus: "Unlinked", daysSinceActivity: 4 },
  { name: "Lambda Logistics", connectionStatus: "Linked", pushEnabled: true, pushes: [{ status: "success", minutesAgo: 5 }], progress: ALL_DONE },
  { name: "Mu Music O'Brien & Sons", connectionStatus: "Linked", pushes: [{ status: "success", minutesAgo: 90, oldConnection: true }], progress: ALL_DONE },
];

const q = (input: SupportListQueryInput = {}) => supportListQuerySchema.parse({ pageSize: 100, ...input });
const names = (items: SetupListItem[]) => items.map((i) => i.name);

describeEachDatabase("support list on $name", ({ open }) => {
  let h: DbHandle;
  const seeded = new Map<string, CompanyRow>();
  beforeAll(async () => {
    h = await open();
    for (const state of STATES) seeded.set(state.name, await seedSetup(h.db, state, NOW));
  });
  afterAll(async () => h?.close());

  const list = (input: SupportListQueryInput = {}) => listSetups(h.db, q(input), NOW);

  it("lists every setup with the step it reached, its connection and its latest test push", async () => {
    const page = await list({ sort: "name" });
    expect(page.total).toBe(STATES.length);
    const byName = new Map(page.items.map((i) => [i.name, i]));
    expect(byName.get("Alpha Trading Ltd")?.step).toMatchObject({ key: "before-start", number: 1, of: 6, complete: false });
    expect(byName.get("Delta Dental")?.step.key).toBe("push-user");
    expect(byName.get("Beta Bakery")?.step.key).toBe("test-push");
    expect(byName.get("Beta Bakery")?.latestTestPush).toMatchObject({ status: "failed", onCurrentConnection: true });
    expect(byName.get("Gamma Garage")?.step.complete).toBe(true);
    expect(byName.get("Gamma Garage")?.latestTestPush?.status).toBe("success");
    expect(byName.get("Iota Interiors")?.step).toMatchObject({ key: "before-start", of: 5 });
    // A success on an earlier connection does not count for the current one.
    expect(byName.get("Mu Music O'Brien & Sons")?.step.key).toBe("test-push");
    expect(byName.get("Mu Music O'Brien & Sons")?.latestTestPush?.onCurrentConnection).toBe(false);
    expect(byName.get("Alpha Trading Ltd")?.latestTestPush).toBeNull();
  });

  it("filters exactly as classifySetup flags each row", async () => {
    const all = (await list()).items;
    const expected = {
      failing: all.filter((i) => i.flags.failing),
      stuck: all.filter((i) => i.flags.stuck),
      waiting: all.filter((i) => i.flags.waitingOnConnector),
      enabled: all.filter((i) => i.pushEnabled),
    } as const;
    for (const filter of ["failing", "stuck", "waiting", "enabled"] as const) {
      const got = await list({ filter, sort: "name" });
      expect(names(got.items).sort(), filter).toEqual(names(expected[filter]).sort());
      expect(got.total, filter).toBe(expected[filter].length);
    }
    expect(names(expected.failing).sort()).toEqual(["Beta Bakery", "Epsilon Estates", "Iota Interiors", "Kappa Kitchens", "Theta Timber"]);
    expect(names(expected.stuck).sort()).toEqual(["Delta Dental", "Epsilon Estates", "Kappa Kitchens"]);
    expect(names(expected.waiting).sort()).toEqual(["Alpha Trading Ltd", "Eta Electric", "Zeta Zoo"]);
    expect(names(expected.enabled).sort()).toEqual(["Gamma Garage", "Lambda Logistics"]);
  });

  it("searches the start of any word of the name, or the start of the Codat company id", async () => {
    expect(names((await list({ q: "beta" })).items)).toEqual(["Beta Bakery"]);
    expect(names((await list({ q: "gar" })).items)).toEqual(["Gamma Garage"]);
    expect(names((await list({ q: "alpha tr" })).items)).toEqual(["Alpha Trading Ltd"]);
    expect(names((await list({ q: "o'brien" })).items)).toEqual(["Mu Music O'Brien & Sons"]);
    expect((await list({ q: "arage" })).items).toEqual([]);
    expect((await list({ q: "%" })).items).toEqual([]);
    const kappa = seeded.get("Kappa Kitchens")!;
    expect(names((await list({ q: kappa.codatCompanyId.slice(0, 13).toUpperCase() })).items)).toEqual(["Kappa Kitchens"]);
    expect(names((await list({ q: kappa.codatCompanyId })).items)).toEqual(["Kappa Kitchens"]);
    expect(names((await list({ q: "kitchens", filter: "failing" })).items)).toEqual(["Kappa Kitchens"]);
    expect((await list({ q: "kitchens", filter: "enabled" })).items).toEqual([]);
  });

  it("sorts by name, by last test push (never-tested last when newest first) and by last activity", async () => {
    const sorted = STATES.map((s) => s.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(names((await list({ sort: "name" })).items)).toEqual(sorted);
    expect(names((await list({ sort: "name", dir: "desc" })).items)).toEqual([...sorted].reverse());

    const byPush = names((await list({ sort: "test-push" })).items);
    expect(byPush.slice(0, 3)).toEqual(["Zeta Zoo", "Lambda Logistics", "Iota Interiors"]);
    expect(byPush.slice(7).sort()).toEqual(["Alpha Trading Ltd", "Delta Dental", "Epsilon Estates", "Eta Electric", "Kappa Kitchens"]);
    const byPushUp = names((await list({ sort: "test-push", dir: "asc" })).items);
    expect(byPushUp.slice(5)).toEqual(["Gamma Garage", "Mu Music O'Brien & Sons", "Beta Bakery", "Theta Timber", "Iota Interiors", "Lambda Logistics", "Zeta Zoo"]);

    const byActivity = (await list({ sort: "activity" })).items;
    const times = byActivity.map((i) => Date.parse(i.lastActivityAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(byActivity.at(-1)?.name).toBe("Gamma Garage");
  });

  it("pages without overlap or gaps, and reports the page count", async () => {
    const first = await listSetups(h.db, supportListQuerySchema.parse({ sort: "name", pageSize: 10 }), NOW);
    const second = await listSetups(h.db, supportListQuerySchema.parse({ sort: "name", pageSize: 10, page: 2 }), NOW);
    expect(first.items).toHaveLength(10);
    expect(second.items).toHaveLength(2);
    expect(first.pages).toBe(2);
    expect(new Set([...names(first.items), ...names(second.items)]).size).toBe(STATES.length);
    const beyond = await listSetups(h.db, supportListQuerySchema.parse({ pageSize: 10, page: 3 }), NOW);
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(STATES.length);
  });

  it("keeps the company's latest test push in step with test_pushes (database trigger)", async () => {
    const zeta = seeded.get("Zeta Zoo")!;
    expect((await readCompany(h.db, zeta.id)).latestTestPushStatus).toBe("pending");
    await h.db.update(testPushes).set({ status: "failed", completedAt: new Date() }).where(eq(testPushes.companyId, zeta.id));
    const after = await readCompany(h.db, zeta.id);
    expect(after.latestTestPushStatus).toBe("failed");
    expect(names((await list({ filter: "failing" })).items)).toContain("Zeta Zoo");
    expect(names((await list({ filter: "waiting" })).items)).not.toContain("Zeta Zoo");
    // An older push changing does not take over from the newest one.
    const gamma = seeded.get("Gamma Garage")!;
    await h.db.update(testPushes).set({ status: "error" }).where(eq(testPushes.status, "failed"));
    expect((await readCompany(h.db, gamma.id)).latestTestPushStatus).toBe("success");
  });

  it("needs attention lists the failing and disconnected; sorting by health puts the worst first", async () => {
    const set = (name: string, pushHealthState: CompanyRow["pushHealthState"]) => updateCompany(h.db, seeded.get(name)!.id, { pushHealthState });
    await set("Gamma Garage", "failing");
    await set("Kappa Kitchens", "disconnected");
    await set("Theta Timber", "at_risk");
    await set("Lambda Logistics", "healthy");

    const attention = await list({ filter: "attention" });
    expect(names(attention.items)).toEqual(["Kappa Kitchens", "Gamma Garage"]); // newest activity first
    expect(attention.items.map((i) => i.health.state)).toEqual(["disconnected", "failing"]);
    expect(names((await list({ filter: "attention", q: "gamma" })).items)).toEqual(["Gamma Garage"]);

    const worstFirst = names((await list({ sort: "health" })).items);
    expect(worstFirst.slice(0, 3)).toEqual(["Gamma Garage", "Kappa Kitchens", "Theta Timber"]);
    expect(worstFirst.at(-1)).toBe("Lambda Logistics");
    const bestFirst = names((await list({ sort: "health", dir: "desc" })).items);
    expect(bestFirst[0]).toBe("Lambda Logistics");
    expect(bestFirst.slice(-3)).toEqual(["Theta Timber", "Kappa Kitchens", "Gamma Garage"]);
  });
});
