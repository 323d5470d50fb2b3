import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { describeEachDatabase, type TestDbHandle } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import type { SessionClaims } from "@/lib/auth/auth.config";
import type { StaffActor } from "@/lib/auth/actor";
import { insertStaff } from "@/lib/db/queries/staff";
import { replaceSetupLink } from "@/lib/db/queries/setup-links";
import { claimTestPushRefresh, getLatestTestPush, updateRunningTestPush } from "@/lib/db/queries/test-pushes";
import { updateProgress } from "@/lib/db/queries/progress";
import { seedSetup } from "@/lib/support/testing/setup-fixtures";
import { openAppStack, type AppStack } from "@/lib/testing/app-stack";
import { createSetup } from "@/lib/setup/create-setup";
import { refreshConnection } from "@/lib/setup/refresh-connection";
import { startTestPush } from "@/lib/test-push/start-test-push";
import { AppError } from "@/lib/errors";
import { createLiveHub, type LiveHub } from "./live-hub";
import { readLiveState, type LiveState } from "./live-state";
import { openCompanyEvents } from "./open-company-events";

type SseEvent = { id: string; event: string; state: LiveState };

/** Reads a text/event-stream: its events in order, and how many heartbeat comments came. */
function readEvents(res: Response) {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: SseEvent[] = [];
  let pings = 0;
  let buffer = "";
  const done = (async () => {
    for (;;) {
      const { value, done: end } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (end) return;
      buffer += value;
      let cut: number;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (block === ": ping") pings += 1;
        const fields = Object.fromEntries(block.split("\n").map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)]));
        if (fields.event) events.push({ id: fields.id ?? "", event: fields.event, state: JSON.parse(fields.data ?? "null") as LiveState });
      }
    }
  })();
  return {
    events,
    pings: () => pings,
    stop: async () => {
      await reader.cancel();
      await done;
    },
  };
}

const timing = { heartbeatMs: 60_000, maxStreamMs: 600_000 };

describeEachDatabase("live updates of a company on $name", (database) => {
  let h: TestDbHandle;
  let stack: AppStack;
  let hub: LiveHub;
  let staff: StaffActor;
  let staffClaims: SessionClaims;
  const hubOn = (handle: DbHandle) => createLiveHub({ listen: handle.listen, read: (id) => readLiveState(handle.db, id) });
  const open = (claims: SessionClaims, companyId: string, lastEventId: string | null = null, opts: { hub?: LiveHub; heartbeatMs?: number } = {}) =>
    openCompanyEvents(h.db, claims, companyId, { lastEventId }, { ...timing, codat: stack.codat, hub: opts.hub ?? hub, ...opts });

  beforeAll(async () => {
    h = await database.open();
    stack = await openAppStack(h);
    hub = hubOn(h);
    const user = await insertStaff(h.db, { email: `live-${randomUUID()}@example.com`, name: "Lee", role: "support", passwordHash: "x" });
    staff = { type: "staff", id: user.id, role: "support", name: user.name, email: user.email };
    staffClaims = { kind: "staff", userId: user.id, role: "support", sessionVersion: 1, name: user.name, email: user.email };
  });
  afterAll(async () => {
    await hub?.close();
    await stack?.close();
    await h?.close();
  });

  it("a stream sends the state now, then the outcome the simulator's webhook decided", async () => {
    const { company } = await createSetup(h.db, stack.codat, { name: "Live Ltd", contactEmail: null, actor: staff, appUrl: stack.url });
    await stack.linkPc(company.codatCompanyId, "Acme Push");
    await updateProgress(h.db, company.id, { pushUsername: "Acme Push", everydayUsernames: ["SARAH"] });
    const linked = await refreshConnection(h.db, stack.codat, company, { force: true });
    const res = await open(staffClaims, company.id);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const stream = readEvents(res);
    await vi.waitFor(() => expect(stream.events[0]?.state.testPush).toBeNull());
    expect(stream.events[0]).toMatchObject({ event: "state", state: { setup: { company: { id: company.id } } } });
    await startTestPush(h.db, stack.codat, { company: linked, actor: staff });
    await vi.waitFor(
      async () => {
        await stack.tick();
        expect(stream.events.at(-1)?.state.testPush?.status).toBe("success");
      },
      { timeout: 10_000, interval: 100 },
    );
    const ids = stream.events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(stream.events.at(-1)?.state.setup.latestTestPush?.status).toBe("success");
    await stream.stop();
  });

  it("a reconnect with Last-Event-ID gets what changed meanwhile, and nothing when nothing did", async () => {
    const company = await seedSetup(h.db, { name: "Reconnect Ltd", connectionStatus: "Linked", pushes: [{ status: "pending", minutesAgo: 0 }] });
    const first = readEvents(await open(staffClaims, company.id));
    await vi.waitFor(() => expect(first.events).toHaveLength(1));
    const seen = first.events[0]!;
    expect(seen.state.testPush?.status).toBe("pending");
    await first.stop();

    const again = readEvents(await open(staffClaims, company.id, seen.id, { heartbeatMs: 100 }));
    await vi.waitFor(() => expect(again.pings()).toBeGreaterThan(0));
    expect(again.events).toEqual([]);
    await again.stop();

    const push = await getLatestTestPush(h.db, company.id);
    await updateRunningTestPush(h.db, push!.id, { status: "success", completedAt: new Date() });
    const later = readEvents(await open(staffClaims, company.id, seen.id));
    await vi.waitFor(() => expect(later.events).toHaveLength(1));
    expect(later.events[0]!.id).not.toBe(seen.id);
    expect(later.events[0]!.state.testPush?.status).toBe("success");
    await later.stop();
  });

  it("refuses a client's stream for another company (404) before any stream starts", async () => {
    const own = await seedSetup(h.db, { name: "Own Ltd", connectionStatus: "Linked" });
    const other = await seedSetup(h.db, { name: "Other Ltd", connectionStatus: "Linked" });
    const link = await replaceSetupLink(h.db, { companyId: own.id, tokenHash: randomUUID(), shortCodeHash: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000), createdBy: null });
    const client: SessionClaims = { kind: "client", companyId: own.id, linkId: link.id };
    const before = hub.watching();
    const refusal = await open(client, other.id).then(() => null, (e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).status).toBe(404);
    expect(await open(client, randomUUID()).catch((e: AppError) => e.status)).toBe(404);
    expect(hub.watching()).toBe(before);
    const mine = readEvents(await open(client, own.id));
    await vi.waitFor(() => expect(mine.events).toHaveLength(1));
    await mine.stop();
  });

  it("reads a company's state once per change, however many streams watch it", async () => {
    const company = await seedSetup(h.db, { name: "Many Watchers Ltd", connectionStatus: "Linked", pushes: [{ status: "pending", minutesAgo: 0 }] });
    const reads: string[] = [];
    const counted = createLiveHub({ listen: h.listen, read: (id) => (reads.push(id), readLiveState(h.db, id)) });
    const streams = await Promise.all(Array.from({ length: 20 }, async () => readEvents(await open(staffClaims, company.id, null, { hub: counted }))));
    await vi.waitFor(() => expect(streams.every((s) => s.events.length === 1)).toBe(true));
    expect(counted.watching()).toBe(20);
    const push = await getLatestTestPush(h.db, company.id);
    await updateRunningTestPush(h.db, push!.id, { status: "failed", completedAt: new Date() });
    await vi.waitFor(() => expect(streams.every((s) => s.events.at(-1)?.state.testPush?.status === "failed")).toBe(true));
    expect(reads.filter((id) => id === company.id).length).toBeLessThanOrEqual(2);
    await Promise.all(streams.map((s) => s.stop()));
    await vi.waitFor(() => expect(counted.watching()).toBe(0));
    await counted.close();
  });

  it("a write that only records when Codat was last asked notifies no one", async () => {
    const company = await seedSetup(h.db, { name: "Quiet Claims Ltd", connectionStatus: "Linked", pushes: [{ status: "pending", minutesAgo: 0 }] });
    const heard: string[] = [];
    const stop = await h.listen("company_changes", (payload) => heard.push(payload));
    try {
      const push = await getLatestTestPush(h.db, company.id);
      expect(await claimTestPushRefresh(h.db, push!.id, 0)).toBe(true);
      await updateRunningTestPush(h.db, push!.id, { status: "failed", completedAt: new Date() });
      // Notifications arrive in commit order: had the claim sent one, it would be here first.
      await vi.waitFor(() => expect(heard).toContain(company.id));
      expect(heard.filter((id) => id === company.id)).toHaveLength(1);
    } finally {
      await stop();
    }
  });

  describe.runIf(database.name === "postgres")("two instances on one database", () => {
    it("an outcome written through a second instance reaches the streams on both", async () => {
      const other = await h.openAnother!();
      const otherHub = hubOn(other);
      try {
        const company = await seedSetup(h.db, { name: "Two Instances Ltd", connectionStatus: "Linked", pushes: [{ status: "pending", minutesAgo: 0 }] });
        const onFirst = readEvents(await open(staffClaims, company.id));
        const onSecond = readEvents(
          await openCompanyEvents(other.db, staffClaims, company.id, { lastEventId: null }, { ...timing, codat: stack.codat, hub: otherHub }),
        );
        await vi.waitFor(() => expect([onFirst.events.length, onSecond.events.length]).toEqual([1, 1]));
        const push = await getLatestTestPush(other.db, company.id);
        await updateRunningTestPush(other.db, push!.id, { status: "success", completedAt: new Date() });
        for (const stream of [onFirst, onSecond]) {
          await vi.waitFor(() => expect(stream.events.at(-1)?.state.testPush?.status).toBe("success"));
          await stream.stop();
        }
      } finally {
        await otherHub.close();
        await other.close();
      }
    });
  });
});
