import type { Db } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import { createCompany } from "@/lib/codat/companies";
import { createSage50Connection } from "@/lib/codat/connections";
import type { CodatConnection } from "@/lib/codat/types";
import { insertCompany } from "@/lib/db/queries/companies";
import { recordEvent } from "@/lib/db/queries/events";
import { actorRef, type StaffActor } from "@/lib/auth/actor";
import type { IssuedSetupLink } from "@/lib/setup-links/issue-setup-link";
import { issueSetupLink } from "@/lib/setup-links/issue-setup-link";
import { emitWebhookEvent } from "@/lib/outgoing-webhooks/emit-webhook-event";

/** Who creates a setup: staff, the demo seed, or the integrator's backend (an API key's id). */
export type SetupActor = StaffActor | { type: "system" } | { type: "integrator"; id: string };

/** What Codat made for an earlier attempt at this setup: reused rather than made again. */
type CodatMadeBefore = { codatCompanyId: string | null; connection: Pick<CodatConnection, "id" | "status" | "linkUrl"> | null };

/**
 * Hooks of a caller that reserved the setup before calling (lib/setups-api): what an earlier attempt
 * made, a place to record what Codat makes as soon as it answers, and a write for the setup's own
 * transaction (the reservation ends with it).
 */
export type SetupReservationHooks = {
  madeBefore: CodatMadeBefore;
  recordCompany: (codatCompanyId: string) => Promise<void>;
  recordConnection: (connection: Pick<CodatConnection, "id" | "status" | "linkUrl">) => Promise<void>;
  inTransaction: (tx: Db) => Promise<void>;
};

/**
 * A new company's setup: the Codat company and its Sage 50 connection are created through the
 * adapter, then our record, its event and a setup link for the client, in one transaction (opened
 * only once Codat has answered). Without `reservation`, a failure after Codat leaves a Codat company
 * with no setup here, and trying again creates another (Codat cannot create a company idempotently);
 * with it, what Codat made is recorded as it answers, and the caller's next attempt reuses it.
 */
export async function createSetup(
  db: Db,
  codat: CodatClient,
  opts: {
    name: string;
    contactEmail: string | null;
    actor: SetupActor;
    appUrl: string;
    demoSecret?: string;
    /** The integrator's own id for the client (setups made through `/api/v1`). */
    externalId?: string | null;
    linkSecrets?: { token: string; shortCode: string };
    reservation?: SetupReservationHooks;
  },
) {
  const { reservation } = opts;
  let codatCompanyId = reservation?.madeBefore.codatCompanyId ?? null;
  if (!codatCompanyId) {
    codatCompanyId = (await createCompany(codat, { name: opts.name, description: "Sage 50 push setup" })).id;
    await reservation?.recordCompany(codatCompanyId);
  }
  let connection = reservation?.madeBefore.connection ?? null;
  if (!connection) {
    connection = await createSage50Connection(codat, codatCompanyId);
    await reservation?.recordConnection(connection);
  }
  const who = actorRef(opts.actor);
  return db.transaction(async (tx) => {
    const company = await insertCompany(tx, {
      name: opts.name,
      contactEmail: opts.contactEmail,
      flow: "new",
      codatCompanyId,
      codatConnectionId: connection.id,
      connectionStatus: connection.status,
      linkUrl: connection.linkUrl,
      createdBy: opts.actor.type === "staff" ? opts.actor.id : null,
      externalId: opts.externalId ?? null,
    });
    await recordEvent(tx, {
      companyId: company.id,
      actor: who,
      type: "setup.created",
      data: { flow: "new", codatCompanyId, connectionId: connection.id, externalId: opts.externalId ?? null },
    });
    await emitWebhookEvent(tx, "setup.created", { companyId: company.id, flow: "new" });
    const setupLink: IssuedSetupLink = await issueSetupLink(tx, {
      companyId: company.id,
      actor: who,
      appUrl: opts.appUrl,
      demoSecret: opts.demoSecret,
      secrets: opts.linkSecrets,
    });
    await reservation?.inTransaction(tx);
    return { company, setupLink };
  });
}
