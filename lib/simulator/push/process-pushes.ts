import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { toCompanyReference } from "../codat-api/codat-shapes";
import { getSimConfig, type SimVariants } from "../config";
import { afterWebhooksQueued, type SimContext } from "../context";
import { connectorLoginWorks, sageUserKey } from "../pc/pc-rules";
import { listSageUsers, loggedInKeys } from "../pc/pc-store";
import { simCompanies, simConnections, simPcs, simPushOperations, simSuppliers, type SimChange } from "../schema";
import { enqueueWebhooks, getWebhookSettings, type WebhookSettings } from "../webhooks/webhook-delivery";
import { writeEvent as writeWebhook } from "../webhooks/webhook-events";
import { decidePushOutcome, decidePushTiming, PUSH_STATUS_CODES, supplierIdOf, supplierNameOf } from "./push-rules";

type PushRow = typeof simPushOperations.$inferSelect;

export type ProcessResult = { processed: number; timedOut: number };

/**
 * Moves pending push operations on: the connector takes those it can (Success or Failed), and those
 * past their timeout become TimedOut. Every change claims its row with `… WHERE status = 'Pending'`,
 * so two app instances sharing a database never finish one operation twice.
 */
export async function processPendingPushes(ctx: SimContext, filter: { companyId?: string } = {}): Promise<ProcessResult> {
  const pending = await ctx.db
    .select({
      key: simPushOperations.key,
      companyId: simPushOperations.companyId,
      requestedOn: simPushOperations.requestedOn,
      timeoutInMinutes: simPushOperations.timeoutInMinutes,
      connectionStatus: simConnections.status,
      availableSince: simPcs.availableSince,
    })
    .from(simPushOperations)
    .innerJoin(simConnections, eq(simConnections.id, simPushOperations.connectionId))
    .innerJoin(simPcs, eq(simPcs.companyId, simPushOperations.companyId))
    .where(
      and(
        eq(simPushOperations.status, "Pending"),
        filter.companyId ? eq(simPushOperations.companyId, filter.companyId) : undefined,
      ),
    )
    .orderBy(asc(simPushOperations.requestedOn), asc(simPushOperations.key));
  const result: ProcessResult = { processed: 0, timedOut: 0 };
  if (pending.length === 0) return result;

  const config = await getSimConfig(ctx.db);
  const settings = await getWebhookSettings(ctx.db, ctx.env);
  for (const op of pending) {
    const timing = decidePushTiming({
      requestedOn: op.requestedOn,
      timeoutInMinutes: op.timeoutInMinutes,
      minuteMs: config.minuteMs,
      processingDelayMs: config.processingDelayMs,
      availableSince: op.availableSince,
      connectionLinked: op.connectionStatus === "Linked",
      now: ctx.now,
    });
    const taken = timing.kind === "process" ? await processOne(ctx, op.key, config.variants, settings) : "gone";
    if (taken === "done") result.processed += 1;
    // The connector took it but waits (a login clash under `concurrentLogin: "pending"`): past its deadline it times out.
    const deadline = waitedUntil(op, config.minuteMs, taken, ctx.now);
    const timeOutAt = timing.kind === "time_out" ? timing.at : deadline;
    if (timeOutAt && (await timeOutOne(ctx, op.key, timeOutAt, settings))) result.timedOut += 1;
  }
  if (result.processed + result.timedOut > 0) afterWebhooksQueued(ctx);
  return result;
}

/** The deadline of an operation the connector is waiting on, once it has passed; null otherwise. */
function waitedUntil(op: { requestedOn: Date; timeoutInMinutes: number | null }, minuteMs: number, taken: Taken, now: Date): Date | null {
  if (taken !== "waiting" || op.timeoutInMinutes === null) return null;
  const deadline = new Date(op.requestedOn.getTime() + op.timeoutInMinutes * minuteMs);
  return now.getTime() >= deadline.getTime() ? deadline : null;
}

async function companyReference(db: Db, companyId: string, appUrl: string) {
  const [company] = await db.select().from(simCompanies).where(eq(simCompanies.id, companyId));
  if (!company) throw new Error(`company ${companyId} vanished`);
  return { ...toCompanyReference(company, appUrl), id: company.id };
}

function writeEvent(op: PushRow, company: Awaited<ReturnType<typeof companyReference>>, recordId: string | null, now: Date) {
  if (op.status === "Pending" || !op.completedOn) throw new Error("only finished operations have write events");
  return writeWebhook({
    eventId: randomUUID(),
    dataType: op.dataType,
    generatedDate: now,
    company,
    connectionId: op.connectionId,
    pushOperationKey: op.key,
    requestedOn: op.requestedOn,
    completedOn: op.completedOn,
    status: op.status,
    recordId,
  });
}

async function timeOutOne(ctx: SimContext, key: string, at: Date, settings: WebhookSettings): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const [op] = await tx
      .update(simPushOperations)
      .set({ status: "TimedOut", statusCode: PUSH_STATUS_CODES.timedOut, completedOn: at })
      .where(and(eq(simPushOperations.key, key), eq(simPushOperations.status, "Pending")))
      .returning();
    if (!op) return false;
    const company = await companyReference(tx, op.companyId, ctx.env.appUrl);
    await enqueueWebhooks(tx, [writeEvent(op, company, null, ctx.now)], settings, ctx.now);
    return true;
  });
}

/** done: Success or Failed written; waiting: still Pending (the connector waits); gone: someone else took it. */
type Taken = "done" | "waiting" | "gone";

/** What Sage 50 does with one operation, decided and written in one transaction. */
async function processOne(ctx: SimContext, key: string, variants: SimVariants, settings: WebhookSettings): Promise<Taken> {
  return ctx.db.transaction(async (tx) => {
    const [op] = await tx
      .select()
      .from(simPushOperations)
      .where(and(eq(simPushOperations.key, key), eq(simPushOperations.status, "Pending")))
      .for("update");
    if (!op) return "gone";
    const [pc] = await tx.select().from(simPcs).where(eq(simPcs.companyId, op.companyId));
    if (!pc) return "gone";
    const users = await listSageUsers(tx, op.companyId);
    const savedKey = pc.savedUsername === null ? null : sageUserKey(pc.savedUsername);
    const user = users.find((u) => u.nameKey === savedKey) ?? null;
    const open = await loggedInKeys(tx, op.companyId);
    const existing = await tx
      .select({ id: simSuppliers.id })
      .from(simSuppliers)
      .where(eq(simSuppliers.companyId, op.companyId));

    const outcome = decidePushOutcome({
      sageVersion: pc.sageVersion,
      dataType: op.dataType,
      supplier: op.body,
      existingSupplierIds: existing.map((s) => s.id),
      connectorUser: user ? { name: user.name, key: user.nameKey, userType: user.userType } : null,
      savedUsername: pc.savedUsername ?? "",
      loggedInKeys: open,
      variants,
      connectorLoginWorks: connectorLoginWorks(pc.savedPasswordHash, user),
    });
    if (outcome.status === "Pending") return "waiting";

    let recordId: string | null = null;
    let changes: SimChange[] | null = null;
    if (outcome.status === "Success" && op.dataType !== "suppliers") {
      // A bill, payment or journal entry is written as it came; Sage 50 gives it its own id.
      recordId = randomUUID();
      changes = [{ type: "Created", recordRef: { id: recordId, dataType: op.dataType } }];
      await tx.update(simConnections).set({ lastSync: ctx.now }).where(eq(simConnections.id, op.connectionId));
    } else if (outcome.status === "Success") {
      recordId = supplierIdOf(op.body);
      if (recordId === null) throw new Error("a supplier that passed the rules has an id");
      await tx.insert(simSuppliers).values({
        companyId: op.companyId,
        id: recordId,
        name: supplierNameOf(op.body),
        body: op.body,
        pushOperationKey: op.key,
        visibleInOpenSage: open.size === 0,
        createdAt: ctx.now,
      });
      changes = [{ type: "Created", recordRef: { id: recordId, dataType: "suppliers" } }];
      await tx.update(simConnections).set({ lastSync: ctx.now }).where(eq(simConnections.id, op.connectionId));
    }
    const [done] = await tx
      .update(simPushOperations)
      .set({
        status: outcome.status,
        statusCode: outcome.statusCode,
        errorMessage: outcome.status === "Failed" ? outcome.errorMessage : null,
        ...(outcome.status === "Failed" ? { validation: outcome.validation } : {}),
        changes,
        completedOn: ctx.now,
      })
      .where(and(eq(simPushOperations.key, key), eq(simPushOperations.status, "Pending")))
      .returning();
    if (!done) return "gone";
    const company = await companyReference(tx, op.companyId, ctx.env.appUrl);
    await enqueueWebhooks(tx, [writeEvent(done, company, recordId, ctx.now)], settings, ctx.now);
    return "done";
  });
}
