import type { Db } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import type { CodatWebhookEvent } from "@/lib/codat/webhooks";
import { findCompanyByCodatId, getCompany } from "@/lib/db/queries/companies";
import { findTestPushByOperationKey } from "@/lib/db/queries/test-pushes";
import { isWebhookHandled, markWebhookHandled, recordEvent } from "@/lib/db/queries/events";
import { actorRef } from "@/lib/auth/actor";
import { refreshTestPush } from "@/lib/test-push/refresh-test-push";
import { applyConnectionStatus } from "@/lib/setup/refresh-connection";

export type WebhookOutcome = "handled" | "duplicate" | "ignored";

/**
 * Applies a verified Codat webhook once. Codat may deliver an event more than once (and replays for
 * two weeks): a delivery already handled is acknowledged and skipped. Applying may ask Codat, so it is
 * not one transaction with the rest: it is idempotent instead (conditional updates, each outcome with
 * its event in its own transaction). The delivery is marked handled, with its "received" event in one
 * transaction, only after it was applied, so a crash mid-way lets Codat's retry apply it.
 */
export async function handleCodatWebhook(db: Db, codat: CodatClient, event: CodatWebhookEvent): Promise<WebhookOutcome> {
  if (await isWebhookHandled(db, event.id)) return "duplicate";
  const companyId = await apply(db, codat, event);
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

async function apply(db: Db, codat: CodatClient, event: CodatWebhookEvent): Promise<string | null> {
  switch (event.type) {
    case "unhandled":
      return null;
    case "suppliers.write.successful":
    case "suppliers.write.unsuccessful": {
      const row = await findTestPushByOperationKey(db, event.payload.id);
      if (!row) return null; // a push that is not one of our test pushes
      const company = await getCompany(db, row.companyId);
      if (!company) return null;
      await refreshTestPush(db, codat, row, company, { force: true });
      return company.id;
    }
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
  switch (event.type) {
    case "unhandled":
      return { eventType: event.eventType };
    case "suppliers.write.successful":
    case "suppliers.write.unsuccessful":
      return { pushOperationKey: event.payload.id, status: event.payload.status };
    default:
      return { connectionStatus: event.payload.connection.status };
  }
}
