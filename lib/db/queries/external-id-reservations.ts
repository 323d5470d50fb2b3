import { and, eq, isNull, lte } from "drizzle-orm";
import type { Db } from "../client";
import { externalIdReservations } from "../schema/companies";
import type { ConnectionStatus } from "@/lib/sage/types";

export type ExternalIdReservation = typeof externalIdReservations.$inferSelect;
type Held = { externalId: string; holder: string };

/**
 * Takes `externalId` for `holder` until `heldUntil`: a new row, or one that is free (released, or its
 * hold ended). One conditional upsert, so of concurrent callers one gets the row; null for the others.
 * The row comes back with whatever Codat made for an earlier attempt.
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

/** Records what Codat made for the reservation, as soon as it answered (only while `holder` holds it). */
export async function recordReservedCodat(
  db: Db,
  v: Held & ({ codatCompanyId: string } | { codatConnectionId: string; connectionStatus: ConnectionStatus; linkUrl: string }),
): Promise<void> {
  const { externalId, holder, ...made } = v;
  await db
    .update(externalIdReservations)
    .set(made)
    .where(and(eq(externalIdReservations.externalId, externalId), eq(externalIdReservations.holder, holder)));
}

/**
 * Ends `holder`'s hold after a failure: deleted when Codat made nothing for it, otherwise left free with
 * what Codat made, for the next request with this externalId to reuse.
 */
export async function releaseExternalId(db: Db, v: Held & { now: Date }): Promise<void> {
  const mine = and(eq(externalIdReservations.externalId, v.externalId), eq(externalIdReservations.holder, v.holder));
  await db.delete(externalIdReservations).where(and(mine, isNull(externalIdReservations.codatCompanyId)));
  await db.update(externalIdReservations).set({ holder: null, heldUntil: v.now }).where(mine);
}

/** Deletes the reservation: in the transaction that writes its setup, or once the setup is found made. */
export async function deleteExternalIdReservation(db: Db, externalId: string): Promise<void> {
  await db.delete(externalIdReservations).where(eq(externalIdReservations.externalId, externalId));
}
