import type { Db } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import { getConnection } from "@/lib/codat/connections";
import { getCompanyInfo } from "@/lib/codat/company-info";
import { isCodatError } from "@/lib/codat/errors";
import { recordCodatFailure } from "@/lib/codat-errors/record-codat-failure";
import type { CodatConnectionStatus } from "@/lib/codat/types";
import { claimConnectionCheck, setConnectionStatusSeenAt, type CompanyRow } from "@/lib/db/queries/companies";
import { updateProgress } from "@/lib/db/queries/progress";
import { recordEvent } from "@/lib/db/queries/events";
import { actorRef } from "@/lib/auth/actor";
import { log } from "@/lib/log";
import { evaluatePushHealth } from "@/lib/push-health/evaluate-push-health";
import { emitWebhookEvent } from "@/lib/outgoing-webhooks/emit-webhook-event";

/** However many tabs watch the connector, Codat is asked about a connection at most this often. */
const CONNECTION_CHECK_INTERVAL_MS = 3_000;

/** A connection check failing the same way again within this time is not recorded again. */
const FAILURE_QUIET_MS = 15 * 60_000;

/**
 * Brings the company's connection status up to date from Codat (throttled across instances).
 * Codat being unreachable is not an error here: the stored status stays, and callers show it.
 */
export async function refreshConnection(
  db: Db,
  codat: CodatClient,
  company: CompanyRow,
  /** `rethrow`: a caller that cannot go on without Codat's answer gets the error instead of the stored status. */
  opts: { force?: boolean; rethrow?: boolean } = {},
): Promise<CompanyRow> {
  if (!company.codatConnectionId) return company;
  if (!opts.force && !(await claimConnectionCheck(db, company.id, CONNECTION_CHECK_INTERVAL_MS))) return company;
  try {
    const connection = await getConnection(codat, company.codatCompanyId, company.codatConnectionId);
    return await applyConnectionStatus(db, codat, company, {
      status: connection.status,
      lastSync: connection.lastSync,
      linkUrl: connection.linkUrl,
      source: "poll",
    });
  } catch (err) {
    if (!isCodatError(err) || opts.rethrow) throw err;
    // The stored status stays and callers show it; support finds what Codat said on the timeline when
    // someone must act (a refused key, a company gone); an outage is only logged.
    await recordCodatFailure(db, company, err, "check the connection", { quietForMs: FAILURE_QUIET_MS, actionableOnly: true });
    return company;
  }
}

/**
 * Stores a connection status from Codat (a poll or a webhook). A change is logged once; on linking,
 * the company Sage 50 reported (name, base currency) is read so the client can confirm the file.
 * Codat is asked first, then the status, the progress and the event are written in one transaction.
 * What Codat said is dated (`seenAt`: the poll's time, a webhook's `generatedDate`): a statement
 * older than the stored one changes nothing, so webhooks delivered late or out of order cannot undo
 * a newer status. `event` names the webhook's event type, for the timeline. A change also recomputes
 * the company's push health in the same transaction (`evaluatePushHealth`).
 */
export async function applyConnectionStatus(
  db: Db,
  codat: CodatClient,
  company: CompanyRow,
  seen: {
    status: CodatConnectionStatus;
    lastSync?: string | null;
    linkUrl?: string | null;
    source: "poll" | "webhook";
    seenAt?: Date;
    event?: string;
  },
): Promise<CompanyRow> {
  const patch: Partial<CompanyRow> = {};
  if (seen.lastSync) patch.lastSyncAt = new Date(seen.lastSync);
  if (seen.linkUrl) patch.linkUrl = seen.linkUrl;
  // Linking (or linked without company info yet, while the first sync ran): what Sage 50 reports.
  if (seen.status === "Linked" && (company.connectionStatus !== "Linked" || !company.reportedCompanyName)) {
    Object.assign(patch, await readCompanyInfo(codat, company));
  }
  return db.transaction(async (tx) => {
    const applied = await setConnectionStatusSeenAt(tx, company.id, seen.status, seen.seenAt ?? new Date(), patch);
    if (!applied) return company;
    if (applied.stale || applied.from === seen.status) return applied.row;
    if (seen.status === "Linked") await updateProgress(tx, company.id, { connectorLinkedAt: new Date() });
    await recordEvent(tx, {
      companyId: company.id,
      actor: actorRef({ type: "codat" }),
      type: "connection.status_changed",
      data: {
        from: applied.from,
        to: seen.status,
        seenBy: seen.source,
        companyName: applied.row.reportedCompanyName,
        ...(seen.event ? { event: seen.event } : {}),
      },
    });
    await emitWebhookEvent(tx, "connection.status_changed", { companyId: company.id, from: applied.from, to: seen.status });
    // Push health follows the connection: not Linked is `disconnected` (with its alert), Linked again re-reads the writes.
    await evaluatePushHealth(tx, company.id);
    return applied.row;
  });
}

/** The company Sage 50 reports (name, base currency), so the client can confirm it is the right file. */
async function readCompanyInfo(codat: CodatClient, company: CompanyRow): Promise<Partial<CompanyRow>> {
  try {
    const info = await getCompanyInfo(codat, company.codatCompanyId);
    return { reportedCompanyName: info.companyName, baseCurrency: info.baseCurrency };
  } catch (err) {
    if (!isCodatError(err)) throw err;
    log.warn("company info not available yet", { companyId: company.id, code: err.code });
    return {};
  }
}
