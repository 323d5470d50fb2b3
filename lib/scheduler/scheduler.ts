import type { Db } from "@/lib/db/client";
import { claimDueJob, ensureScheduledJob, finishJobRun } from "@/lib/db/queries/scheduled-jobs";
import { log, redact } from "@/lib/log";

/** A background job: run every `everyMs` by one instance; `now` is the scheduler's clock at its start. */
export type ScheduledJob = {
  name: string;
  everyMs: number;
  /** How long a run may hold its claim before another instance may take it over (default 15 minutes). */
  runningForMs?: number;
  run: (db: Db, now: Date) => Promise<unknown>;
};

export type Scheduler = {
  /** One pass: each due job claimed and run, one at a time; the names of the jobs it ran. */
  runDue: () => Promise<string[]>;
  start: () => void;
  stop: () => Promise<void>;
};

const DEFAULT_RUNNING_FOR_MS = 15 * 60_000;
const LONGEST_TICK_MS = 5_000;
const LAST_ERROR_CHARS = 2_000;

/**
 * One scheduler for the process: a timer that runs due jobs one at a time and never overlaps itself.
 * Each run is claimed in `scheduled_jobs` first (lib/db/queries/scheduled-jobs.ts), so with several
 * instances on one database each due run happens once. A job that throws is logged and its error kept
 * in `last_error`; it runs again at its next time. See docs/decisions/035.
 */
export function createScheduler(opts: { getDb: () => Promise<Db>; jobs: ScheduledJob[]; now?: () => Date }): Scheduler {
  const { getDb, jobs, now = () => new Date() } = opts;
  let ensured = false;
  let current: Promise<string[]> | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;

  async function pass(): Promise<string[]> {
    const db = await getDb();
    if (!ensured) {
      for (const job of jobs) await ensureScheduledJob(db, job.name, now());
      ensured = true;
    }
    const ran: string[] = [];
    for (const job of jobs) {
      if (await runIfDue(db, job, now)) ran.push(job.name);
    }
    return ran;
  }

  function runDue(): Promise<string[]> {
    if (current) return Promise.resolve([]);
    current = pass()
      .catch((err: unknown) => {
        log.warn("scheduler pass failed", { error: err });
        return [];
      })
      .finally(() => {
        current = null;
      });
    return current;
  }

  return {
    runDue,
    start() {
      if (timer) return;
      const tickMs = Math.min(LONGEST_TICK_MS, ...jobs.map((j) => j.everyMs));
      timer = setInterval(() => void runDue(), tickMs);
      timer.unref?.();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await current;
    },
  };
}

/** Claims and runs one job if it is due; true when this scheduler ran it. */
async function runIfDue(db: Db, job: ScheduledJob, now: () => Date): Promise<boolean> {
  const startedAt = now();
  const claimed = await claimDueJob(db, {
    name: job.name,
    now: startedAt,
    everyMs: job.everyMs,
    runningForMs: job.runningForMs ?? DEFAULT_RUNNING_FOR_MS,
  });
  if (!claimed) return false;
  let error: string | null = null;
  try {
    await job.run(db, startedAt);
  } catch (err) {
    log.warn("scheduled job failed", { job: job.name, error: err });
    error = redact(err instanceof Error ? err.message : String(err)).slice(0, LAST_ERROR_CHARS);
  }
  await finishJobRun(db, { name: job.name, startedAt, now: now(), error });
  return true;
}
