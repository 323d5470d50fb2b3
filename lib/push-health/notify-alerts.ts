import type { Db } from "@/lib/db/client";
import { actorRef } from "@/lib/auth/actor";
import { getCompany } from "@/lib/db/queries/companies";
import { recordEvent } from "@/lib/db/queries/events";
import { getProgress } from "@/lib/db/queries/progress";
import { getSettings } from "@/lib/db/queries/settings";
import { claimAlertNotification, listUnnotifiedAlerts } from "@/lib/db/queries/alert-notifications";
import { getEnv } from "@/lib/env";
import { queueEmail } from "@/lib/email/queue-email";
import type { MailConfig } from "@/lib/email/mail-config";
import { repairEmail } from "@/lib/email/templates";
import { repairStepFor, REPAIR_LINK_DAYS } from "@/lib/sage/push-health";
import { repairWords } from "@/lib/sage/push-health-copy";
import { issueRepairLink } from "@/lib/setup-links/issue-repair-link";

const DAY_MS = 86_400_000;
const BATCH = 100;

export type NotifyOptions = { now?: Date; appUrl?: string; mail?: MailConfig; batch?: number };

/**
 * One pass of the alert notifier (see docs/decisions/023): every open alert not yet emailed gets, in
 * one transaction, its claim (`notified_at` set only if still null: of several instances one wins), a
 * repair link that opens the wizard at the step fixing the cause, the email to the company's contact
 * and a timeline event; with no contact email, the event says no email went. Returns how many alerts
 * this pass claimed.
 */
export async function notifyOpenAlerts(db: Db, opts: NotifyOptions = {}): Promise<{ notified: number }> {
  const now = opts.now ?? new Date();
  const appUrl = opts.appUrl ?? getEnv().APP_URL;
  const pending = await listUnnotifiedAlerts(db, opts.batch ?? BATCH);
  let notified = 0;
  for (const alert of pending) {
    if (await notifyAlert(db, alert.id, alert.companyId, { now, appUrl, mail: opts.mail })) notified++;
  }
  return { notified };
}

async function notifyAlert(db: Db, alertId: string, companyId: string, v: { now: Date; appUrl: string; mail?: MailConfig }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const claimed = await claimAlertNotification(tx, alertId, v.now);
    if (!claimed) return false;
    const company = await getCompany(tx, companyId);
    if (!company) return false;
    const system = actorRef({ type: "system" });
    if (!company.contactEmail) {
      await recordEvent(tx, { companyId, actor: system, type: "alert.not_emailed", data: { alertId, reason: "no_contact_email" }, quiet: true });
      return true;
    }
    const settings = await getSettings(tx);
    const progress = await getProgress(tx, companyId);
    const step = repairStepFor(claimed.cause, company.flow);
    const link = await issueRepairLink(tx, { companyId, opensStep: step, expiresAt: new Date(v.now.getTime() + REPAIR_LINK_DAYS * DAY_MS), appUrl: v.appUrl });
    const words = repairWords(claimed.cause, { flow: company.flow, pushUsername: progress.pushUsername, everydayUsernames: progress.everydayUsernames });
    const email = repairEmail({
      appUrl: v.appUrl,
      integratorName: settings.integratorName,
      companyName: company.name,
      headline: words.headline,
      fixSummary: words.fixSummary,
      linkUrl: link.url,
      expiresAt: link.expiresAt,
    });
    await queueEmail(tx, { ...email, to: company.contactEmail, kind: "alert", companyId, secrets: [link.token] }, { config: v.mail, now: v.now });
    await recordEvent(tx, { companyId, actor: system, type: "alert.emailed", data: { alertId, to: company.contactEmail, step, cause: claimed.cause }, quiet: true });
    return true;
  });
}
