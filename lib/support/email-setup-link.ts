import type { Db } from "@/lib/db/client";
import { actorRef, type StaffActor } from "@/lib/auth/actor";
import { getCompany } from "@/lib/db/queries/companies";
import { recordEvent } from "@/lib/db/queries/events";
import { loadBrand } from "@/lib/embed/brand";
import { getEnv } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { queueEmail } from "@/lib/email/queue-email";
import type { MailConfig } from "@/lib/email/mail-config";
import { setupLinkEmail } from "@/lib/email/templates";
import { issueSetupLink } from "@/lib/setup-links/issue-setup-link";

export type EmailedSetupLink = { to: string; expiresAt: string };

/**
 * Support emails the client a fresh setup link (send or resend): the link is issued as "renew link"
 * does (every earlier link stops working), the email is queued and the timeline says so, all in one
 * transaction.
 */
export async function emailSetupLink(
  db: Db,
  opts: { companyId: string; actor: StaffActor; mail?: MailConfig; appUrl?: string },
): Promise<EmailedSetupLink> {
  const appUrl = opts.appUrl ?? getEnv().APP_URL;
  return db.transaction(async (tx) => {
    const company = await getCompany(tx, opts.companyId);
    if (!company) throw notFound("That company");
    const to = company.contactEmail;
    if (!to) throw new AppError("conflict", "This company has no contact email yet: add one first, then send the link.");
    const actor = actorRef(opts.actor);
    const link = await issueSetupLink(tx, { companyId: company.id, actor, appUrl });
    const brand = await loadBrand(tx);
    const email = setupLinkEmail({ appUrl, integratorName: brand.integratorName, brand, companyName: company.name, linkUrl: link.url, shortCode: link.shortCode, expiresAt: link.expiresAt });
    const secrets = [link.token, link.shortCode];
    await queueEmail(tx, { ...email, to, kind: "setup_link", companyId: company.id, secrets }, { config: opts.mail });
    await recordEvent(tx, { companyId: company.id, actor, type: "setup_link.emailed", data: { to, expiresAt: link.expiresAt.toISOString() } });
    return { to, expiresAt: link.expiresAt.toISOString() };
  });
}
