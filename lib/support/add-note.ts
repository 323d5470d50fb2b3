import type { Db } from "@/lib/db/client";
import { actorRef, type StaffActor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/db/queries/events";

/** A note from support on the company's timeline, with its author. */
export async function addNote(db: Db, opts: { companyId: string; actor: StaffActor; text: string }) {
  const event = await recordEvent(db, {
    companyId: opts.companyId,
    actor: actorRef(opts.actor),
    type: "note.added",
    data: { text: opts.text },
  });
  return { id: event.id, createdAt: event.createdAt.toISOString() };
}
