import { and, eq, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../client";
import { scheduledJobs } from "../schema/scheduler";

export type ScheduledJobRow = typeof scheduledJobs.$inferSelect;

/** Adds a job's row, due at once, unless another instance (or an earlier start) already did. */
export async function ensureScheduledJob(db: Db, name: string, now: Date): Promise<void> {
  await db.insert(scheduledJobs).values({ name, nextRunAt: now }).onConflictDoNothing();
}

/**
 * Claims one run of a due job: one conditional update, so of several instances asking at once only
 * one gets the row back. A job whose claim is still running is not due; a claim past `running_until`
 * (its process died) may be taken over. The next run is set from this start.
 */
export async function claimDueJob(
  db: Db,
  job: { name: string; now: Date; everyMs: number; runningForMs: number },
): Promise<ScheduledJobRow | null> {
  const { name, now } = job;
  const [row] = await db
    .update(scheduledJobs)
    .set({
      nextRunAt: new Date(now.getTime() + job.everyMs),
      runningUntil: new Date(now.getTime() + job.runningForMs),
      lastStartedAt: now,
    })
    .where(
      and(
        eq(scheduledJobs.name, name),
        lte(scheduledJobs.nextRunAt, now),
        or(isNull(scheduledJobs.runningUntil), lte(scheduledJobs.runningUntil, now)),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * Ends a claimed run: its outcome (`error` null when it succeeded) and the claim released. Only the
 * claim that started at `startedAt` is ended: a run taken over after its claim expired does not end
 * the new one.
 */
export async function finishJobRun(
  db: Db,
  run: { name: string; startedAt: Date; now: Date; error: string | null },
): Promise<void> {
  await db
    .update(scheduledJobs)
    .set({ runningUntil: null, lastFinishedAt: run.now, lastError: run.error })
    .where(and(eq(scheduledJobs.name, run.name), eq(scheduledJobs.lastStartedAt, run.startedAt)));
}

export async function getScheduledJob(db: Db, name: string): Promise<ScheduledJobRow | null> {
  const [row] = await db.select().from(scheduledJobs).where(eq(scheduledJobs.name, name)).limit(1);
  return row ?? null;
}
