/**
 * Reminders for a stalled setup: when the client has not moved on for `delayDays`, a reminder, then
 * another each `delayDays` after the last, at most MAX_REMINDERS_PER_STALL per stall. New activity
 * starts a new stall (its reminders count from zero).
 */
export const MAX_REMINDERS_PER_STALL = 3;
export const REMINDER_DELAY_DAYS = { min: 1, max: 30, default: 3 } as const;

const DAY_MS = 86_400_000;

/** The number of the reminder due now for this stall, or null when none is. */
export function dueReminderNumber(input: {
  lastActivityAt: Date;
  /** When each reminder of this stall was sent (any order). */
  sentAt: readonly Date[];
  delayDays: number;
  now: Date;
}): number | null {
  const count = input.sentAt.length;
  if (count >= MAX_REMINDERS_PER_STALL) return null;
  const last = Math.max(input.lastActivityAt.getTime(), ...input.sentAt.map((d) => d.getTime()));
  return input.now.getTime() - last >= input.delayDays * DAY_MS ? count + 1 : null;
}
