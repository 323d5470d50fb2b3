import type { Db } from "@/lib/db/client";
import { listAlertsOpenedBetween, lockSupportDigest, markSupportDigestSent } from "@/lib/db/queries/alert-notifications";
import { getSettings } from "@/lib/db/queries/settings";
import { getEnv } from "@/lib/env";
import { queueEmail } from "@/lib/email/queue-email";
import type { MailConfig } from "@/lib/email/mail-config";
import { supportDigestEmail } from "@/lib/email/templates";
import { pushHealthBadge } from "@/lib/sage/status-labels";
import { helpTopicForCode } from "@/lib/sage/help-topics";
import { SUPPORT_DIGEST_INTERVAL_MS } from "@/lib/sage/push-health";

/** The first digest lists alerts opened in the day before it (there is no earlier digest to count from). */
const FIRST_DIGEST_LOOKBACK_MS = 86_400_000;

/**
 * One pass of the support digest (see docs/decisions/023): at most one email per
 * `SUPPORT_DIGEST_INTERVAL_MS` to the support contact (settings), listing the companies whose alerts
 * opened since the last digest. The digest's row is locked while deciding, so with several instances
 * one sends and the others find the time already moved. Nothing new: nothing is sent and the time
 * stays, so the next alert goes out at the next pass.
 */
export async function sendSupportDigest(db: Db, opts: { now?: Date; appUrl?: string; mail?: MailConfig } = {}): Promise<{ sent: boolean; companies: number }> {
  const now = opts.now ?? new Date();
  const appUrl = opts.appUrl ?? getEnv().APP_URL;
  return db.transaction(async (tx) => {
    const { lastSentAt } = await lockSupportDigest(tx);
    if (lastSentAt && now.getTime() - lastSentAt.getTime() < SUPPORT_DIGEST_INTERVAL_MS) return { sent: false, companies: 0 };
    const settings = await getSettings(tx);
    if (!settings.supportContact.includes("@")) return { sent: false, companies: 0 };
    const opened = await listAlertsOpenedBetween(tx, lastSentAt ?? new Date(now.getTime() - FIRST_DIGEST_LOOKBACK_MS), now);
    const byCompany = new Map(opened.map((a) => [a.companyId, a]));
    if (byCompany.size === 0) return { sent: false, companies: 0 };
    const email = supportDigestEmail({
      appUrl,
      companies: [...byCompany.values()].map((a) => ({
        name: a.companyName,
        problem: `${pushHealthBadge(a.healthState).label}${a.cause ? `: ${helpTopicForCode(a.cause).title}` : ""}`,
        url: `${appUrl}/support/companies/${a.companyId}`,
      })),
    });
    await queueEmail(tx, { ...email, to: settings.supportContact, kind: "support_digest" }, { config: opts.mail, now });
    await markSupportDigestSent(tx, now);
    return { sent: true, companies: byCompany.size };
  });
}
