import type { Db } from "@/lib/db/client";
import { getCompany } from "@/lib/db/queries/companies";
import { getSettings } from "@/lib/db/queries/settings";
import { claimStallAnnouncement, findUnannouncedStalls } from "@/lib/db/queries/stalls";
import { emitWebhookEvent } from "@/lib/outgoing-webhooks/emit-webhook-event";

const DAY_MS = 86_400_000;
const BATCH = 100;

/**
 * Emits `setup.stalled` once per stall: for every setup with push off and nothing on its timeline for
 * the reminder delay, whether or not it has a contact email or reminders are on. Not again until the
 * setup moves on and stalls again. Each announcement is claimed (lib/db/queries/stalls.ts) in the
 * transaction that emits it, so several instances announce a stall once.
 */
export async function announceStalledSetups(db: Db, opts: { now?: Date; batch?: number } = {}): Promise<{ announced: number }> {
  const now = opts.now ?? new Date();
  const { reminderDelayDays } = await getSettings(db);
  const stalls = await findUnannouncedStalls(db, { quietSince: new Date(now.getTime() - reminderDelayDays * DAY_MS), limit: opts.batch ?? BATCH });
  let announced = 0;
  for (const stall of stalls) {
    const done = await db.transaction(async (tx) => {
      // The client may have moved on since the list was read: then this stall is over.
      const company = await getCompany(tx, stall.companyId);
      if (!company || company.pushEnabled || company.lastActivityAt.getTime() !== stall.lastActivityAt.getTime()) return false;
      if (!(await claimStallAnnouncement(tx, { companyId: company.id, stallStartedAt: stall.lastActivityAt, now }))) return false;
      await emitWebhookEvent(tx, "setup.stalled", { companyId: company.id, lastActivityAt: stall.lastActivityAt.toISOString(), now });
      return true;
    });
    if (done) announced++;
  }
  return { announced };
}
