import type { Db } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import { isWriteEvent, type CodatWebhookEvent, type WriteEvent } from "@/lib/codat/webhooks";
import { findCompanyByCodatId, getCompany } from "@/lib/db/queries/companies";
import { findTestPushByOperationKey } from "@/lib/db/queries/test-pushes";
import { handledWebhookIds, isWebhookHandled, markWebhookHandled, markWebhooksHandled, recordEvent } from "@/lib/db/queries/events";
import { actorRef } from "@/lib/auth/actor";
import { refreshTestPush } from "@/lib/test-push/refresh-test-push";
import { applyConnectionStatus } from "@/lib/setup/refresh-connection";
import { recordWrite, recordWrites } from "@/lib/push-health/record-write";

export type WebhookOutcome = "handled" | "duplicate" | "ignored";

/**
 * Applies a verified Codat webhook once. Codat may deliver an event more than once (and replays for
 * two weeks): a delivery already handled is acknowledged and skipped. Applying may ask Codat, so it is
 * not one transaction with the rest: it is idempotent instead (conditional updates, each outcome with
 * its event in its own transaction). The delivery is marked handled, with its "received" event in one
 * transaction, only after it was applied, so a crash mid-way lets the inbox's next attempt apply it
 * (docs/decisions/037).
 */
export async function handleCodatWebhook(db: Db, codat: CodatClient, event: CodatWebhookEvent): Promise<WebhookOutcome> {
  if (await isWebhookHandled(db, event.id)) return "duplicate";
  const applied = isWriteEvent(event) ? await applyWrite(db, codat, event) : { companyId: await apply(db, codat, event), onTimeline: true };
  const companyId = applied.companyId;
  if (!applied.onTimeline) {
    // The integrator's own writes are kept in push_writes and counted, not put on the timeline one by
    // one: marking the delivery handled is one statement, no transaction (the route is kept fast).
    if (!(await markWebhookHandled(db, event.id, event.type))) return "duplicate";
    return companyId ? "handled" : "ignored";
  }
  return db.transaction(async (tx) => {
    const first = await markWebhookHandled(tx, event.id, event.type);
    if (!first) return "duplicate";
    if (!companyId) return "ignored";
    await recordEvent(tx, {
      companyId,
      actor: actorRef({ type: "codat" }),
      type: "webhook.received",
      data: { webhookId: event.id, eventType: event.type, ...summary(event) },
    });
    return "handled";
  });
}

/**
 * Whether a webhook is one of a company's own writes that `handleCompanyWrites` may apply with others
 * of that company: every write except a supplier's, which may be one of our test pushes.
 */
export function companyWriteOf(event: CodatWebhookEvent): string | null {
  return isWriteEvent(event) && event.dataType !== "suppliers" ? event.payload.referenceCompany.id : null;
}

/**
 * Several of one company's own writes (`companyWriteOf` the same company, in the order received),
 * applied as `handleCodatWebhook` applies each, but with one look-up of the company, one transaction
 * and one health evaluation for all (`recordWrites`); the deliveries are marked handled after.
 */
export async function handleCompanyWrites(db: Db, codat: CodatClient, events: readonly WriteEvent[]): Promise<void> {
  const handled = await handledWebhookIds(db, events.map((e) => e.id));
  const fresh = events.filter((e) => !handled.has(e.id));
  if (fresh.length === 0) return;
  const company = await findCompanyByCodatId(db, fresh[0]!.payload.referenceCompany.id);
  if (company) await recordWrites(db, codat, company, fresh);
  await markWebhooksHandled(db, fresh.map((e) => ({ id: e.id, type: e.type })));
}

/**
 * A write of any data type: one of our test pushes is refreshed as before; any other write is the
 * integrator's own, recorded for the company Codat names (`recordWrite`: counts, failures, health).
 */
async function applyWrite(db: Db, codat: CodatClient, event: WriteEvent): Promise<{ companyId: string | null; onTimeline: boolean }> {
  const row = event.dataType === "suppliers" ? await findTestPushByOperationKey(db, event.payload.id) : null;
  if (row) {
    const company = await getCompany(db, row.companyId);
    if (!company) return { companyId: null, onTimeline: true };
    await refreshTestPush(db, codat, row, company, { force: true });
    return { companyId: company.id, onTimeline: true };
  }
  const company = await findCompanyByCodatId(db, event.payload.referenceCompany.id);
  if (!company) return { companyId: null, onTimeline: false };
  await recordWrite(db, codat, company, event);
  return { companyId: company.id, onTimeline: false };
}

async function apply(db: Db, codat: CodatClient, event: Exclude<CodatWebhookEvent, WriteEvent>): Promise<string | null> {
  switch (event.type) {
    case "unhandled":
      return null;
    default: {
      const { referenceCompany, connection } = event.payload;
      const company = await findCompanyByCodatId(db, referenceCompany.id);
      if (!company) return null;
      if (connection.id !== company.codatConnectionId) return company.id;
      await applyConnectionStatus(db, codat, company, {
        // A deleted connection can no longer be used, whatever status it had: it counts as unlinked.
        status: event.type === "connection.deleted" ? "Unlinked" : connection.status,
        lastSync: connection.lastSync,
        source: "webhook",
        seenAt: generatedAt(event.generatedDate),
        event: event.type,
      });
      return company.id;
    }
  }
}

/** When Codat generated the event; a missing or unreadable date counts as now. */
function generatedAt(value: string | null): Date {
  const at = value ? new Date(value) : null;
  return at && !Number.isNaN(at.getTime()) ? at : new Date();
}

function summary(event: CodatWebhookEvent): Record<string, unknown> {
  if (isWriteEvent(event)) return { pushOperationKey: event.payload.id, status: event.payload.status };
  if (event.type === "unhandled") return { eventType: event.eventType };
  return { connectionStatus: event.payload.connection.status };
}
