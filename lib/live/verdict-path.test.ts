import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { describeEachDatabase, type TestDbHandle } from "@/lib/db/testing/test-databases";
import type { StaffActor } from "@/lib/auth/actor";
import { insertStaff } from "@/lib/db/queries/staff";
import { updateProgress } from "@/lib/db/queries/progress";
import { openAppStack, type AppStack } from "@/lib/testing/app-stack";
import { startTestPush } from "@/lib/test-push/start-test-push";
import { createLiveHub, type LiveHub } from "./live-hub";
import { readLiveState } from "./live-state";
import { isTestPushRunning } from "@/lib/sage/test-push-status";

/**
 * The path of a verdict from the simulator's write webhook to a watcher, timed stage by stage:
 * the webhook leaves the simulator -> our handler reads the push operation from (simulated) Codat ->
 * the outcome is committed and its notification heard -> the hub has re-read the state and handed it
 * to the watcher. Each push runs alone, so the figures are the path's own cost, not queueing. Nothing
 * ticks or polls: the simulator completes a push when it falls due (`completeWhenDue`).
 */
const PUSHES = 12;
const DELAY_MS = 200;

type Stages = { sentAt: number; codatReadAt: number; notifiedAt: number; watcherAt: number };

type Delivery = { status: string; lastSentAt: string | null; body: { payload: { id: string; requestedOnDate: string; completedOnDate: string } } };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

describeEachDatabase("a verdict's path from webhook to watcher on $name", (database) => {
  let h: TestDbHandle;
  let stack: AppStack;
  let hub: LiveHub;
  let staff: StaffActor;
  const codatReads: { path: string; at: number }[] = [];

  beforeAll(async () => {
    h = await database.open();
    // The connector takes a push 200 ms after it was made: the start's own reads see it Pending.
    stack = await openAppStack(h, { config: { processingDelayMs: DELAY_MS }, dueTimers: true, onCodatCall: (path, method) => void (method === "GET" && codatReads.push({ path, at: Date.now() })) });
    hub = createLiveHub({ listen: h.listen, read: (id) => readLiveState(h.db, id) });
    const user = await insertStaff(h.db, { email: `path-${randomUUID()}@example.com`, name: "Pat", role: "support", passwordHash: "x" });
    staff = { type: "staff", id: user.id, role: "support", name: user.name, email: user.email };
  });
  afterAll(async () => {
    await hub?.close();
    await stack?.close();
    await h?.close();
  });

  it("each push is completed when it falls due, its verdict reaches the watcher, each stage in order; the figures are reported", async () => {
    const company = await stack.linkedCompany(staff, "Path Ltd");
    await updateProgress(h.db, company.id, { pushUsername: "Acme Push", everydayUsernames: ["SARAH"] });
    const notified: number[] = [];
    const stopListening = await h.listen("company_changes", (id) => void (id === company.id && notified.push(Date.now())));
    const verdicts = new Map<string, number>();
    const unwatch = await hub.watch(company.id, (update) => {
      const push = update.state.testPush;
      if (push && !isTestPushRunning(push.status) && !verdicts.has(push.id)) verdicts.set(push.id, Date.now());
    });
    const runs: Stages[] = [];
    const waits: number[] = [];
    try {
      for (let i = 0; i < PUSHES; i++) {
        const started = await startTestPush(h.db, stack.codat, { company, actor: staff });
        const key = started.pushOperationKey;
        if (!key) throw new Error("the push was not accepted");
        const from = notified.length;
        // No tick and no poll: the simulator completes the push when it falls due and sends its webhook.
        await vi.waitFor(() => expect(verdicts.has(started.id)).toBe(true), { timeout: 5_000, interval: 5 });
        // The send is recorded once our handler has answered, which may be after the watcher heard.
        const delivery = await vi.waitFor(async () => {
          const log = await fetch(`${stack.url}/api/sim/webhooks?companyId=${company.codatCompanyId}&eventType=suppliers.write.successful`);
          const found = ((await log.json()) as { deliveries: Delivery[] }).deliveries.find((d) => d.body.payload.id === key && d.status === "delivered");
          if (!found) throw new Error("not recorded yet");
          return found;
        });
        const sentAt = Date.parse(delivery.lastSentAt ?? "");
        waits.push(Date.parse(delivery.body.payload.completedOnDate) - Date.parse(delivery.body.payload.requestedOnDate));
        const codatReadAt = codatReads.findLast((r) => r.path.endsWith(`/push/${key}`))?.at ?? Number.NaN;
        runs.push({ sentAt, codatReadAt, notifiedAt: notified.slice(from).find((at) => at >= codatReadAt) ?? Number.NaN, watcherAt: verdicts.get(started.id)! });
      }
    } finally {
      unwatch();
      await stopListening();
    }
    // Completed when due (the delay), not at a later tick; the margin is for a loaded machine.
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(DELAY_MS);
    expect(median(waits)).toBeLessThan(DELAY_MS + 250);
    for (const r of runs) {
      expect(r.sentAt).toBeLessThanOrEqual(r.codatReadAt);
      expect(r.codatReadAt).toBeLessThanOrEqual(r.notifiedAt);
      expect(r.notifiedAt).toBeLessThanOrEqual(r.watcherAt);
    }
    const stage = (f: (r: Stages) => number) => median(runs.map(f));
    const figures = {
      webhookToCodatRead: stage((r) => r.codatReadAt - r.sentAt),
      codatReadToNotification: stage((r) => r.notifiedAt - r.codatReadAt),
      notificationToWatcher: stage((r) => r.watcherAt - r.notifiedAt),
      total: stage((r) => r.watcherAt - r.sentAt),
    };
    process.stdout.write(`verdict path on ${database.name}, medians of ${PUSHES} (ms): ${JSON.stringify({ requestToCompletion: median(waits), ...figures })}\n`);
    // A budget loose enough for a loaded test machine; the bench holds the real one (p95 <= 250 ms).
    expect(figures.total).toBeLessThan(1_000);
  }, 60_000);
});
