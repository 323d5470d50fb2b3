import QRCode from "qrcode";
import type { Db } from "@/lib/db/client";
import { actorRef, type Actor } from "@/lib/auth/actor";
import { issueSetupLink } from "./issue-setup-link";

const HANDOFF_DAYS = 1;

/**
 * A link, short code and QR code to continue the setup on the Sage 50 PC. Earlier links keep working;
 * the token is shown once and stored only hashed.
 */
export async function createHandoff(db: Db, opts: { companyId: string; actor: Actor; appUrl: string }) {
  const link = await issueSetupLink(db, {
    companyId: opts.companyId,
    actor: actorRef(opts.actor),
    appUrl: opts.appUrl,
    days: HANDOFF_DAYS,
    purpose: "handoff",
  });
  const qrSvg = await QRCode.toString(link.url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { url: link.url, shortCode: link.shortCode, shortUrl: `${opts.appUrl}/go`, expiresAt: link.expiresAt.toISOString(), qrSvg };
}
