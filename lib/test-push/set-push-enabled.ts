import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { companies } from "@/lib/db/schema/companies";
import { AppError } from "@/lib/errors";
import { actorRef, type Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/db/queries/events";
import { getSettings } from "@/lib/db/queries/settings";
import { getLatestTestPush } from "@/lib/db/queries/test-pushes";
import { getProgress, updateProgress } from "@/lib/db/queries/progress";
import { checkEnablePush, type EnablePushBlocker } from "@/lib/sage/readiness";
import type { CompanyRow } from "@/lib/db/queries/companies";
import { emitWebhookEvent } from "@/lib/outgoing-webhooks/emit-webhook-event";

/**
 * Turns data push on or off. On needs a successful test push on the current connection (and
 * Foreign Trader confirmed when foreign currencies will be pushed): the server enforces it, whatever
 * the button showed. The company row is locked, so racing requests end in one consistent state.
 */
export async function setPushEnabled(
  db: Db,
  opts: { companyId: string; actor: Actor; enabled: boolean; foreignTraderConfirmed?: boolean },
): Promise<CompanyRow> {
  const who = actorRef(opts.actor);
  const outcome = await db.transaction(async (tx): Promise<CompanyRow | { code: EnablePushBlocker; reason: string }> => {
    const [company] = await tx.select().from(companies).where(eq(companies.id, opts.companyId)).for("update");
    if (!company) throw new AppError("not_found", "That company was not found.");
    if (!opts.enabled) {
      if (!company.pushEnabled) return company;
      const [row] = await tx.update(companies).set({ pushEnabled: false, pushEnabledAt: null }).where(eq(companies.id, company.id)).returning();
      await recordEvent(tx, { companyId: company.id, actor: who, type: "push.disabled" });
      await emitWebhookEvent(tx, "push.disabled", { companyId: company.id });
      return row!;
    }
    if (opts.foreignTraderConfirmed) {
      const progress = await getProgress(tx, company.id);
      if (!progress.foreignTraderConfirmedAt) {
        await updateProgress(tx, company.id, { foreignTraderConfirmedAt: new Date() });
        await recordEvent(tx, { companyId: company.id, actor: who, type: "foreign_trader.confirmed" });
      }
    }
    const [settings, latest, progress] = await Promise.all([
      getSettings(tx),
      getLatestTestPush(tx, company.id),
      getProgress(tx, company.id),
    ]);
    const check = checkEnablePush({
      connectionStatus: company.connectionStatus,
      currentConnectionId: company.codatConnectionId,
      latestTestPush: latest ? { status: latest.status, connectionId: latest.connectionId, diagnosisCode: latest.diagnosisCode } : null,
      baseCurrency: company.baseCurrency,
      pushCurrencies: settings.pushCurrencies,
      foreignTraderConfirmed: progress.foreignTraderConfirmedAt !== null,
    });
    if (!check.ok) return { code: check.code, reason: check.reason };
    if (company.pushEnabled) return company;
    const [row] = await tx
      .update(companies)
      .set({ pushEnabled: true, pushEnabledAt: sql`now()` })
      .where(eq(companies.id, company.id))
      .returning();
    await recordEvent(tx, { companyId: company.id, actor: who, type: "push.enabled", data: { testPushId: latest?.id } });
    await emitWebhookEvent(tx, "push.enabled", { companyId: company.id });
    return row!;
  });
  if ("code" in outcome) {
    // Recorded outside the transaction so the refusal stays in the timeline.
    await recordEvent(db, { companyId: opts.companyId, actor: who, type: "push.enable_refused", data: { code: outcome.code } });
    throw new AppError(outcome.code, outcome.reason);
  }
  return outcome;
}
