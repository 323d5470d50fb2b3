import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { describeEachDatabase, type TestDbHandle } from "@/lib/db/testing/test-databases";
import { log } from "@/lib/log";
import { claimDueJob, ensureScheduledJob, getScheduledJob } from "@/lib/db/queries/scheduled-jobs";
import { createScheduler, type ScheduledJob } from "./scheduler";

const MINUTE = 60_000;

describeEachDatabase("one scheduler across instances on $name", (database) => {
  let h: TestDbHandle;
  /** Another instance: a second app client on PostgreSQL; on PGlite (one process) the same handle. */
  let other: DbHandle;
  let t = Date.parse("2026-03-02T09:00:00Z");
  const clock = () => new Date(t);

  beforeAll(async () => {
    h = await database.open();
    other = h.openAnother ? await h.openAnother() : h;
  });
  afterAll(async () => {
    if (other !== h) await other.close();
    await h.close();
  });

  /** Two instances' schedulers with the same jobs, on the same clock. */
  function twoInstances(jobs: ScheduledJob[]) {
    return [
      createScheduler({ getDb: async () => h.db, jobs, now: clock }),
      createScheduler({ getDb: async () => other.db, jobs, now: clock }),
    ];
  }

  it("runs each due job once per interval, whichever instance claims it", async () => {
    const runs = { often: 0, rarely: 0 };
    const [a, b] = twoInstances([
      { name: "often", everyMs: MINUTE, run: async () => void runs.often++ },
      { name: "rarely", everyMs: 10 * MINUTE, run: async () => void runs.rarely++ },
    ]);
    await Promise.all([a!.runDue(), b!.runDue()]);
    expect(runs).toEqual({ often: 1, rarely: 1 });
    for (let step = 0; step < 20; step++) {
      t += MINUTE / 2;
      const ran = await Promise.all([a!.runDue(), b!.runDue()]);
      expect(ran.flat().filter((name) => name === "often").length).toBeLessThanOrEqual(1);
    }
    expect(runs).toEqual({ often: 11, rarely: 2 });
  });

  it("records a failing run's error and runs the job again at its next time", async () => {
    let fail = true;
    let runs = 0;
    const [a, b] = twoInstances([
      {
        name: "flaky",
        everyMs: MINUTE,
        run: async () => {
          runs++;
          if (fail) throw new Error("the mail server said no");
        },
      },
    ]);
    const warn = vi.spyOn(log, "warn").mockImplementation(() => undefined);
    await Promise.all([a!.runDue(), b!.runDue()]);
    expect(warn).toHaveBeenCalledWith("scheduled job failed", expect.objectContaining({ job: "flaky" }));
    warn.mockRestore();
    const failed = await getScheduledJob(h.db, "flaky");
    expect(failed?.lastError).toBe("the mail server said no");
    expect(failed?.runningUntil).toBeNull();
    expect(await b!.runDue()).toEqual([]);
    fail = false;
    t += MINUTE;
    await Promise.all([b!.runDue(), a!.runDue()]);
    expect(runs).toBe(2);
    const recovered = await getScheduledJob(h.db, "flaky");
    expect(recovered?.lastError).toBeNull();
    expect(recovered?.lastFinishedAt?.getTime()).toBe(t);
  });

  it("takes over a crashed run's claim once its running_until has passed", async () => {
    let runs = 0;
    const [, b] = twoInstances([{ name: "orphaned", everyMs: MINUTE, run: async () => void runs++ }]);
    // An instance claims the run, then its process dies: the claim is never finished.
    await ensureScheduledJob(h.db, "orphaned", clock());
    expect(await claimDueJob(h.db, { name: "orphaned", now: clock(), everyMs: MINUTE, runningForMs: 5 * MINUTE })).not.toBeNull();
    t += 2 * MINUTE;
    expect(await b!.runDue()).toEqual([]);
    t += 3 * MINUTE;
    expect(await b!.runDue()).toEqual(["orphaned"]);
    expect(runs).toBe(1);
    expect((await getScheduledJob(h.db, "orphaned"))?.runningUntil).toBeNull();
  });

  it("does not start a long job again while it runs, in either instance", async () => {
    let runs = 0;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const [a, b] = twoInstances([
      {
        name: "slow",
        everyMs: MINUTE,
        run: async () => {
          runs++;
          if (runs === 1) await gate;
        },
      },
    ]);
    const first = a!.runDue();
    await vi.waitFor(() => expect(runs).toBe(1));
    t += 5 * MINUTE;
    expect(await a!.runDue()).toEqual([]);
    expect(await b!.runDue()).toEqual([]);
    expect(runs).toBe(1);
    release();
    expect(await first).toEqual(["slow"]);
    t += MINUTE;
    expect(await b!.runDue()).toEqual(["slow"]);
    expect(runs).toBe(2);
  });
});
