import type { Db } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import { getCompany } from "@/lib/codat/companies";
import { listConnections } from "@/lib/codat/connections";
import { getCompanyInfo } from "@/lib/codat/company-info";
import { isCodatError } from "@/lib/codat/errors";
import { codatErrorCode } from "@/lib/codat-errors/explain-codat-error";
import { SAGE50_PLATFORM_KEY, type CodatConnection, type CompanyInfo } from "@/lib/codat/types";
import { findCompanyByCodatId, insertCompany, updateCompany, type CompanyRow } from "@/lib/db/queries/companies";
import { updateProgress } from "@/lib/db/queries/progress";
import { recordEvent } from "@/lib/db/queries/events";
import { actorRef } from "@/lib/auth/actor";
import type { SetupActor } from "@/lib/setup/create-setup";
import { issueSetupLink, type IssuedSetupLink } from "@/lib/setup-links/issue-setup-link";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { connectionStatusLabel, flowDescription } from "@/lib/sage/status-labels";
import { isUniqueViolation } from "@/lib/db/pg-errors";
import { emitWebhookEvent } from "@/lib/outgoing-webhooks/emit-webhook-event";

export type ImportActor = SetupActor;

/**
 * Brings a company that is already linked for pulling into this app, for the upgrade flow: it keeps
 * its connector, so our record starts Linked, with the last sync and what Sage 50 reported (company
 * name, base currency) for the wizard to show when the client confirms the file. Refuses, each with
 * its own code: an unknown Codat company, one without a Sage 50 connection, one whose connector is
 * not linked, and one already set up here.
 */
export async function importCompany(
  db: Db,
  codat: CodatClient,
  opts: {
    codatCompanyId: string;
    contactEmail?: string | null;
    actor: ImportActor;
    appUrl: string;
    /** The integrator's own id for the client (setups made through `/api/v1`). */
    externalId?: string | null;
    linkSecrets?: { token: string; shortCode: string };
  },
): Promise<{ company: CompanyRow; setupLink: IssuedSetupLink }> {
  // Codat's company ids are lower-case GUIDs; the one Codat answers with is the one stored.
  const requested = opts.codatCompanyId.trim().toLowerCase();
  await refuseDuplicate(db, requested);
  const codatCompany = await getCodatCompany(codat, requested);
  if (codatCompany.id !== requested) await refuseDuplicate(db, codatCompany.id);

  const connection = pickConnection((await listConnections(codat, codatCompany.id)).items);
  if (!connection) {
    throw new AppError(
      "import_no_sage50",
      `${codatCompany.name} has no Sage 50 connection in Codat, so there is nothing to upgrade. Create a new setup for it instead.`,
      { details: { codatCompanyId: codatCompany.id } },
    );
  }
  if (connection.status !== "Linked") {
    throw new AppError(
      "import_not_linked",
      `The Sage 50 connector of ${codatCompany.name} is not linked (${connectionStatusLabel(connection.status)}). ` +
        "The upgrade flow is for companies whose connector already works: create a new setup for it instead, so the wizard walks the client through installing the connector.",
      { details: { codatCompanyId: codatCompany.id, connectionStatus: connection.status } },
    );
  }

  const info = await readCompanyInfo(codat, codatCompany.id);
  const who = actorRef(opts.actor);
  try {
    // Codat has answered: the company, its progress, its event and its setup link are written in one
    // transaction, so a failure part-way leaves no half-imported company to block a retry.
    return await db.transaction(async (tx) => {
      const inserted = await insertCompany(tx, {
        name: codatCompany.name,
        contactEmail: opts.contactEmail ?? null,
        flow: "upgrade",
        codatCompanyId: codatCompany.id,
        codatConnectionId: connection.id,
        connectionStatus: "Linked",
        linkUrl: connection.linkUrl,
        createdBy: opts.actor.type === "staff" ? opts.actor.id : null,
        externalId: opts.externalId ?? null,
      });
      const company =
        (await updateCompany(tx, inserted.id, {
          lastSyncAt: connection.lastSync ? new Date(connection.lastSync) : null,
          reportedCompanyName: info?.companyName ?? null,
          baseCurrency: info?.baseCurrency ?? null,
        })) ?? inserted;
      await updateProgress(tx, company.id, { connectorLinkedAt: new Date() });
      await recordEvent(tx, {
        companyId: company.id,
        actor: who,
        type: "setup.imported",
        data: {
          flow: "upgrade",
          codatCompanyId: codatCompany.id,
          connectionId: connection.id,
          connectionStatus: connection.status,
          lastSync: connection.lastSync,
          companyName: info?.companyName ?? null,
          baseCurrency: info?.baseCurrency ?? null,
          externalId: opts.externalId ?? null,
        },
      });
      await emitWebhookEvent(tx, "setup.created", { companyId: company.id, flow: "upgrade" });
      const setupLink = await issueSetupLink(tx, { companyId: company.id, actor: who, appUrl: opts.appUrl, secrets: opts.linkSecrets });
      return { company, setupLink };
    });
  } catch (err) {
    // Two people (or two tabs) imported the same company at once: the unique id decided. Read after
    // the rollback, outside the transaction.
    if (isUniqueViolation(err)) await refuseDuplicate(db, codatCompany.id);
    throw err;
  }
}

async function refuseDuplicate(db: Db, codatCompanyId: string): Promise<void> {
  const existing = await findCompanyByCodatId(db, codatCompanyId);
  if (!existing) return;
  throw new AppError(
    "import_duplicate",
    `${existing.name} is already set up here (${flowDescription(existing.flow).toLowerCase()} setup). Open its page to copy or renew its setup link.`,
    { details: { codatCompanyId, companyId: existing.id, name: existing.name } },
  );
}

async function getCodatCompany(codat: CodatClient, codatCompanyId: string) {
  try {
    return await getCompany(codat, codatCompanyId);
  } catch (err) {
    if (isCodatError(err) && codatErrorCode(err) === "codat_not_found") {
      throw new AppError("import_not_found", `Codat has no company with the ID ${codatCompanyId}. Check the ID and try again.`, {
        details: { codatCompanyId },
      });
    }
    throw err;
  }
}

/**
 * The Sage 50 connection to upgrade: the newest Linked one, or else the newest of any status (to say
 * why it cannot be upgraded).
 */
export function pickConnection(connections: readonly CodatConnection[]): CodatConnection | undefined {
  const sage = connections
    .filter((c) => c.integrationKey === SAGE50_PLATFORM_KEY)
    .sort((a, b) => Date.parse(b.created) - Date.parse(a.created));
  return sage.find((c) => c.status === "Linked") ?? sage[0];
}

/** Company info is best effort: the setup works without it, and the wizard says when it is missing. */
async function readCompanyInfo(codat: CodatClient, codatCompanyId: string): Promise<CompanyInfo | null> {
  try {
    return await getCompanyInfo(codat, codatCompanyId);
  } catch (err) {
    if (!isCodatError(err)) throw err;
    log.warn("company info not available at import", { codatCompanyId, code: err.code });
    return null;
  }
}

