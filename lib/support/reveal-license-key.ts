import type { Db } from "@/lib/db/client";
import { actorRef, type Actor } from "@/lib/auth/actor";
import type { CompanyRow } from "@/lib/db/queries/companies";
import { recordEvent } from "@/lib/db/queries/events";

/**
 * The company's license key for the connector (its Codat company id), for a staff member reading it
 * to a client. Every look is logged with who looked.
 */
export async function revealLicenseKey(db: Db, opts: { company: CompanyRow; actor: Actor }): Promise<string> {
  await recordEvent(db, { companyId: opts.company.id, actor: actorRef(opts.actor), type: "license_key.viewed" });
  return opts.company.codatCompanyId;
}
