import { loadBrand } from "@/lib/embed/brand";
import type { Db } from "@/lib/db/client";
import { actorRef } from "@/lib/auth/actor";
import { getCompany } from "@/lib/db/queries/companies";
import { recordEvent } from "@/lib/db/queries/events";
import { claimReminder, findStalledSetups, listStallReminders, setReminderLink } from "@/lib/db/queries/reminders";
import { getSettings } from "@/lib/db/queries/settings";
import { getEnv } from "@/lib/env";
import { queueEmail } from "@/lib/email/queue-email";
import type { MailConfig } from "@/lib/email/mail-config";
import { reminderEmail } from "@/lib/email/templates";
import { dueReminderNumber, MAX_REMINDERS_PER_STALL } from "@/lib/sage/reminders";
import { issueReminderLink } from "@/lib/setup-links/issue-reminder-link";

const DAY_MS = 86_400_000;
const BATCH = 100;

type Stalled = Awaited<ReturnType<typeof findStalledSetups>>[number];

/**
 * One pass of the reminder job: every stalled setup whose next reminder is due gets it (a reminder
 * link, the email and a timeline event, in one transaction). Safe with several instances: each
 * reminder is claimed by its unique key (company, stall, number) before anything is sent.
 */
export async function sendSetupReminders(
  db: Db,
  opts: { now?: Date; mail?: MailConfig; appUrl?: string; batch?: number } = {},
): Promise<{ sent: number }> {
  const now = opts.now ?? new Date();
  const settings = await getSettings(db);
  if (!settings.remindersEnabled) return { sent: 0 };
  const delayDays = settings.reminderDelayDays;
  const appUrl = opts.appUrl ?? getEnv().APP_URL;
  const stalled = await findStalledSetups(db, { quietSince: new Date(now.getTime() - delayDays * DAY_MS), now, limit: opts.batch ?? BATCH });
  let sent = 0;
  for (const setup of stalled) {
    const sentAt = await listStallReminders(db, setup.companyId, setup.lastActivityAt);
    const number = dueReminderNumber({ lastActivityAt: setup.lastActivityAt, sentAt, delayDays, now });
    if (number === null) continue;
    const done = await sendReminder(db, { setup, number, delayDays, now, appUrl, mail: opts.mail, integratorName: settings.integratorName });
    if (done) sent++;
  }
  return { sent };
}

async function sendReminder(
  db: Db,
  v: { setup: Stalled; number: number; delayDays: number; now: Date; appUrl: string; mail?: MailConfig; integratorName: string },
): Promise<boolean> {
  const { setup } = v;
  return db.transaction(async (tx) => {
    // The client may have moved on since the list was read: then this stall is over.
    const company = await getCompany(tx, setup.companyId);
    if (!company?.contactEmail || company.pushEnabled || company.lastActivityAt.getTime() !== setup.lastActivityAt.getTime()) return false;
    const key = { companyId: company.id, stallStartedAt: setup.lastActivityAt, number: v.number };
    if (!(await claimReminder(tx, { ...key, sentAt: v.now }))) return false;
    const link = await issueReminderLink(tx, { companyId: company.id, expiresAt: setup.inviteExpiresAt, appUrl: v.appUrl });
    await setReminderLink(tx, { ...key, linkId: link.id });
    const email = reminderEmail({
      appUrl: v.appUrl,
      integratorName: v.integratorName,
      brand: await loadBrand(tx),
      companyName: company.name,
      linkUrl: link.url,
      expiresAt: link.expiresAt,
      number: v.number,
    });
    await queueEmail(tx, { ...email, to: company.contactEmail, kind: "reminder", companyId: company.id, secrets: [link.token] }, { config: v.mail, now: v.now });
    await recordEvent(tx, {
      companyId: company.id,
      actor: actorRef({ type: "system" }),
      type: "setup_link.reminder_sent",
      data: { to: company.contactEmail, number: v.number, of: MAX_REMINDERS_PER_STALL, quietDays: v.delayDays },
      quiet: true,
    });
    return true;
  });
}
