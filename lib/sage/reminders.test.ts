import { describe, expect, it } from "vitest";
import { dueReminderNumber, MAX_REMINDERS_PER_STALL } from "./reminders";

const DAY = 86_400_000;
const start = new Date("2026-01-01T00:00:00Z");
const at = (days: number) => new Date(start.getTime() + days * DAY);

describe("dueReminderNumber", () => {
  it("is null before the delay, 1 once it passed", () => {
    expect(dueReminderNumber({ lastActivityAt: start, sentAt: [], delayDays: 3, now: at(2.9) })).toBeNull();
    expect(dueReminderNumber({ lastActivityAt: start, sentAt: [], delayDays: 3, now: at(3) })).toBe(1);
  });
  it("spaces reminders by the delay after the last one", () => {
    expect(dueReminderNumber({ lastActivityAt: start, sentAt: [at(10)], delayDays: 3, now: at(12) })).toBeNull();
    expect(dueReminderNumber({ lastActivityAt: start, sentAt: [at(10)], delayDays: 3, now: at(13) })).toBe(2);
  });
  it("stops after the last one", () => {
    const sent = Array.from({ length: MAX_REMINDERS_PER_STALL }, (_, i) => at(3 * (i + 1)));
    expect(dueReminderNumber({ lastActivityAt: start, sentAt: sent, delayDays: 3, now: at(100) })).toBeNull();
  });
});
