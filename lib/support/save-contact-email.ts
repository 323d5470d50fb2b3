import type { Db } from "@/lib/db/client";
import { actorRef, type StaffActor } from "@/lib/auth/actor";
import { updateCompany } from "@/lib/db/queries/companies";
import { recordEvent } from "@/lib/db/queries/events";
import { notFound } from "@/lib/errors";
import type { ContactEmailValues } from "./contact-email-schema";

/** Support sets (or clears) where the client's emails go; logged with who did it, in one transaction. */
export async function saveContactEmail(
  db: Db,
  opts: { companyId: string; values: ContactEmailValues; actor: StaffActor },
): Promise<{ contactEmail: string | null }> {
  return db.transaction(async (tx) => {
    const row = await updateCompany(tx, opts.companyId, { contactEmail: opts.values.contactEmail });
    if (!row) throw notFound("That company");
    await recordEvent(tx, {
      companyId: opts.companyId,
      actor: actorRef(opts.actor),
      type: "company.contact_changed",
      data: { contactEmail: row.contactEmail },
    });
    return { contactEmail: row.contactEmail };
  });
}
