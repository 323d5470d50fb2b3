import { and, eq, lte } from "drizzle-orm";
import type { Db } from "../client";
import { externalIdReservations } from "../schema/companies";

export type ExternalIdReservation = typeof externalIdReservations.$inferSelect;
type Held = { externalId: string; holder: string };

/**
 * Takes `externalId` for `holder` until `heldUntil`: a new row, or one that is free (released, or its
 * hold ended). One conditional upsert, so of concurrent callers one gets the row; null for the others.
 */
export async function reserveExternalId(db: Db, v: Held & { now: Date; heldUntil: Date }): Promise<ExternalIdReservation | null> {
  const [row] = await db
    .insert(externalIdReservations)
    .values({ externalId: v.externalId, holder: v.holder, heldUntil: v.heldUntil, createdAt: v.now })
    .onConflictDoUpdate({
      target: externalIdReservations.externalId,
      set: { holder: v.holder, heldUntil: v.heldUntil },
      setWhere: lte(externalIdReservations.heldUntil, v.now),
    })
    .returning();
  return row ?? null;
}

/** Ends `holder`'s hold after a failure, so the next request with this externalId may try. */
export async function releaseExternalId(db: Db, v: Held): Promise<void> {
  await db.delete(externalIdReservations).where(and(eq(externalIdReservations.externalId, v.externalId), eq(externalIdReservations.holder, v.holder)));
}

/** Deletes the reservation: once its setup is written, or found made. */
export async function deleteExternalIdReservation(db: Db, externalId: string): Promise<void> {
  await db.delete(externalIdReservations).where(eq(externalIdReservations.externalId, externalId));
}
