import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { findCompanyByExternalId } from "@/lib/db/queries/api-setups";
import type { CompanyRow } from "@/lib/db/queries/companies";
import {
  deleteExternalIdReservation,
  recordReservedCodat,
  releaseExternalId,
  reserveExternalId,
} from "@/lib/db/queries/external-id-reservations";
import { AppError } from "@/lib/errors";
import type { SetupReservationHooks } from "@/lib/setup/create-setup";

/** How long a request holds an externalId before another may take it over (its process stopped). */
const EXTERNAL_ID_HOLD_MS = 2 * 60_000;
/** How long a second request with the same externalId waits for the first one's setup. */
const EXTERNAL_ID_WAIT_MS = 15_000;
const POLL_MS = 100;

export type ExternalIdHold = SetupReservationHooks & { release: () => Promise<void> };

/**
 * Holds `externalId` for this request before Codat is called (docs/decisions/019): the setup already
 * made with it, or a hold. While another request holds it, waits (up to `waitMs`) for that request's
 * setup, or for the hold to end (the other failed), then tries again; still held at the end: 409
 * `external_id_in_use`. The hold brings back what Codat made for an earlier attempt that failed after it.
 */
export async function holdExternalId(
  db: Db,
  externalId: string,
  opts: { waitMs?: number } = {},
): Promise<{ company: CompanyRow } | { hold: ExternalIdHold }> {
  const holder = randomUUID();
  const giveUpAt = Date.now() + (opts.waitMs ?? EXTERNAL_ID_WAIT_MS);
  for (;;) {
    const made = await findCompanyByExternalId(db, externalId);
    if (made) return { company: made };
    const now = new Date();
    const reserved = await reserveExternalId(db, { externalId, holder, now, heldUntil: new Date(now.getTime() + EXTERNAL_ID_HOLD_MS) });
    if (reserved) {
      // The setup may have been written between the look-up and the reservation.
      const since = await findCompanyByExternalId(db, externalId);
      if (since) {
        await deleteExternalIdReservation(db, externalId);
        return { company: since };
      }
      return { hold: hooks(db, reserved, holder) };
    }
    if (Date.now() >= giveUpAt) {
      throw new AppError("external_id_in_use", "A setup with this externalId is still being created. Retry in a moment to get it.", {
        retryAfterSeconds: 1,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function hooks(db: Db, reserved: NonNullable<Awaited<ReturnType<typeof reserveExternalId>>>, holder: string): ExternalIdHold {
  const { externalId } = reserved;
  const connection =
    reserved.codatConnectionId && reserved.connectionStatus && reserved.linkUrl !== null
      ? { id: reserved.codatConnectionId, status: reserved.connectionStatus, linkUrl: reserved.linkUrl }
      : null;
  return {
    madeBefore: { codatCompanyId: reserved.codatCompanyId, connection },
    recordCompany: (codatCompanyId) => recordReservedCodat(db, { externalId, holder, codatCompanyId }),
    recordConnection: (c) => recordReservedCodat(db, { externalId, holder, codatConnectionId: c.id, connectionStatus: c.status, linkUrl: c.linkUrl }),
    inTransaction: (tx) => deleteExternalIdReservation(tx, externalId),
    release: () => releaseExternalId(db, { externalId, holder, now: new Date() }),
  };
}
