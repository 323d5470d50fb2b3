import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { describeEachDatabase, type TestDbHandle } from "@/lib/db/testing/test-databases";
import { withFailingWrite } from "@/lib/db/testing/fail-writes";
import type { Db, DbHandle } from "@/lib/db/client";
import { createCodatClient } from "@/lib/codat/client";
import type { CodatWebhookEvent, WriteEvent } from "@/lib/codat/webhooks";
import type { CompanyRow } from "@/lib/db/queries/companies";
import { isWebhookHandled } from "@/lib/db/queries/events";
import { claimInboxWebhooks, countInbox, listFailedInboxWebhooks, queueInboxWebhook } from "@/lib/db/queries/codat-webhook-inbox";
import { pushWrites } from "@/lib/db/schema/push-health";
import { seedSetup } from "@/lib/support/testing/setup-fixtures";
import { drainCodatWebhookInbox, MAX_INBOX_ATTEMPTS } from "./drain-codat-webhook-inbox";
import { codatWebhookInboxJob } from "./codat-webhook-inbox-job";

/** Successful writes need no call to Codat: nothing answers at this address. */
const codat = createCodatClient({ baseUrl: "http://127.0.0.1:9/codat", apiKey: "unused" });

function writeEvent(company: CompanyRow, at = new Date()): WriteEvent {
  return {
    id: `msg_${randomUUID()}`,
    generatedDate: at.toISOString(),
    type: "bills.write.successful",
    dataType: "bills",
    successful: true,
    payload: {
      id: randomUUID(),
      referenceCompany: { id: company.codatCompanyId },
      connectionId: company.codatConnectionId!,
      requestedOnDate: at.toISOString(),
      completedOnDate: at.toISOString(),
      status: "Success",
    },
  };
}

const queue = (db: Db, event: CodatWebhookEvent) => queueInboxWebhook(db, { id: event.id, eventType: event.type, event: { ...event } });

async function writesOf(db: Db, companyId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(pushWrites).where(eq(pushWrites.companyId, companyId));
  return Number(row?.n ?? 0);
}

describeEachDatabase("Codat's webhook inbox on $name", (database) => {
  let h: TestDbHandle;
  /** Another instance: a second app client on PostgreSQL; on PGlite (one process) the same handle. */
  let other: DbHandle;
  beforeAll(async () => {
    h = await database.open();
    other = h.openAnother ? await h.openAnother() : h;
  });
  afterAll(async () => {
    if (other !== h) await other?.close();
    await h?.close();
  });

  it("keeps a webhook until a drain applies it, once; the same id again, while waiting or after, is a duplicate", async () => {
    const company = await seedSetup(h.db, { name: "Inbox Once Ltd", connectionStatus: "Linked" });
    const event = writeEvent(company);
    expect(await queue(h.db, event)).toBe(true);
    // Acknowledged, not applied yet.
    expect(await writesOf(h.db, company.id)).toBe(0);
    expect(await isWebhookHandled(h.db, event.id)).toBe(false);
    expect((await countInbox(h.db)).waiting).toBeGreaterThanOrEqual(1);
    expect(await queue(h.db, event)).toBe(false);

    const drained = await drainCodatWebhookInbox(h.db, codat);
    expect(drained.applied).toBeGreaterThanOrEqual(1);
    expect(await writesOf(h.db, company.id)).toBe(1);
    expect(await isWebhookHandled(h.db, event.id)).toBe(true);
    expect(await queue(h.db, event)).toBe(false);
    await drainCodatWebhookInbox(h.db, codat);
    expect(await writesOf(h.db, company.id)).toBe(1);
    expect((await countInbox(h.db)).waiting).toBe(0);
  });

  it("a new webhook is due at once, even for a drain whose clock is a moment behind the database's", async () => {
    const company = await seedSetup(h.db, { name: "Inbox Clock Ltd", connectionStatus: "Linked" });
    const event = writeEvent(company);
    await queue(h.db, event);
    // The row's first due time is the database's now(), to the microsecond; this drain's clock reads
    // earlier (a millisecond-rounded Date read in the same millisecond, or another machine's clock).
    const behind = () => new Date(Date.now() - 5_000);
    expect((await drainCodatWebhookInbox(h.db, codat, { now: behind })).applied).toBeGreaterThanOrEqual(1);
    expect(await writesOf(h.db, company.id)).toBe(1);
    expect(await isWebhookHandled(h.db, event.id)).toBe(true);
  });

  it("two drains at once (two connections on PostgreSQL) apply each webhook once", async () => {
    const companies = await Promise.all([1, 2, 3].map((n) => seedSetup(h.db, { name: `Inbox Pair ${n} Ltd`, connectionStatus: "Linked" })));
    const events = Array.from({ length: 60 }, (_, n) => writeEvent(companies[n % 3]!));
    // The same operation delivered again under another webhook id (Codat may): applied, counted once.
    const again = { ...events[0]!, id: `msg_${randomUUID()}` };
    for (const event of [...events, again]) await queue(h.db, event);
    const [a, b] = await Promise.all([drainCodatWebhookInbox(h.db, codat), drainCodatWebhookInbox(other.db, codat)]);
    expect(a.applied + b.applied).toBe(61);
    expect(a.retried + b.retried + a.failed + b.failed).toBe(0);
    for (const company of companies) expect(await writesOf(h.db, company.id)).toBe(20);
    expect((await countInbox(h.db)).waiting).toBe(0);
  });

  it("retries a webhook that fails to apply, later each time, then keeps it as failed with its error", async () => {
    const company = await seedSetup(h.db, { name: "Inbox Failing Ltd", connectionStatus: "Linked" });
    const event = writeEvent(company);
    await queue(h.db, event);
    let now = new Date(Date.now() + 1_000);
    const clock = () => now;
    const failing = { table: pushWrites, on: "insert" as const, when: `new.company_id = '${company.id}'` };
    const waits: number[] = [];
    await withFailingWrite(h.db, failing, async () => {
      for (let attempt = 1; attempt <= MAX_INBOX_ATTEMPTS; attempt++) {
        const result = await drainCodatWebhookInbox(h.db, codat, { now: clock });
        expect(result).toEqual(attempt < MAX_INBOX_ATTEMPTS ? { applied: 0, retried: 1, failed: 0 } : { applied: 0, retried: 0, failed: 1 });
        // Not due again at once.
        expect(await drainCodatWebhookInbox(h.db, codat, { now: clock })).toEqual({ applied: 0, retried: 0, failed: 0 });
        const [row] = await h.db.execute(sql`select next_attempt_at from codat_webhook_inbox where id = ${event.id}`).then((r) => (r as unknown as { rows: { next_attempt_at: string }[] }).rows);
        waits.push(new Date(row!.next_attempt_at).getTime() - now.getTime());
        now = new Date(now.getTime() + 10 * 60_000);
      }
    });
    expect(waits.slice(0, 3)).toEqual([2_000, 4_000, 8_000]);
    const [failed] = await listFailedInboxWebhooks(h.db, 50).then((rows) => rows.filter((r) => r.id === event.id));
    expect(failed).toMatchObject({ attempts: MAX_INBOX_ATTEMPTS, eventType: "bills.write.successful" });
    expect(failed!.lastError).toContain("injected write failure");
    expect((await countInbox(h.db)).failed).toBeGreaterThanOrEqual(1);
    // Parked: not tried again, even now that it would apply.
    expect(await drainCodatWebhookInbox(h.db, codat, { now: () => new Date(now.getTime() + 86_400_000) })).toEqual({ applied: 0, retried: 0, failed: 0 });
    expect(await writesOf(h.db, company.id)).toBe(0);
  });

  it("applies a company's writes together, and one by one when that fails, so a bad one holds up only itself", async () => {
    const company = await seedSetup(h.db, { name: "Inbox Group Ltd", connectionStatus: "Linked" });
    const events = [1, 2, 3].map(() => writeEvent(company));
    for (const event of events) await queue(h.db, event);
    const bad = events[1]!;
    const failing = { table: pushWrites, on: "insert" as const, when: `new.push_operation_key = '${bad.payload.id}'` };
    const result = await withFailingWrite(h.db, failing, () => drainCodatWebhookInbox(h.db, codat, { now: () => new Date(Date.now() + 1_000) }));
    expect(result).toEqual({ applied: 2, retried: 1, failed: 0 });
    expect(await writesOf(h.db, company.id)).toBe(2);
    expect(await isWebhookHandled(h.db, bad.id)).toBe(false);
    // Its retry, once due, applies it.
    expect((await drainCodatWebhookInbox(h.db, codat, { now: () => new Date(Date.now() + 60_000) })).applied).toBe(1);
    expect(await writesOf(h.db, company.id)).toBe(3);
  });

  it("applies a webhook whose drain died mid-apply once its claim has expired", async () => {
    const company = await seedSetup(h.db, { name: "Inbox Crash Ltd", connectionStatus: "Linked" });
    const event = writeEvent(company);
    await queue(h.db, event);
    const now = new Date(Date.now() + 1_000);
    // A drain claims it and dies before applying it.
    const claimed = await claimInboxWebhooks(h.db, { now, limit: 100, leaseMs: 60_000 });
    expect(claimed.map((r) => r.id)).toContain(event.id);
    expect((await drainCodatWebhookInbox(other.db, codat, { now: () => new Date(now.getTime() + 30_000) })).applied).toBe(0);
    expect(await writesOf(h.db, company.id)).toBe(0);
    const later = await drainCodatWebhookInbox(other.db, codat, { now: () => new Date(now.getTime() + 61_000) });
    expect(later.applied).toBeGreaterThanOrEqual(1);
    expect(await writesOf(h.db, company.id)).toBe(1);
    expect(await isWebhookHandled(h.db, event.id)).toBe(true);
  });

  it("the scheduler's pass applies what waits with no new webhook to kick a drain, and deletes failures kept 30 days", async () => {
    const company = await seedSetup(h.db, { name: "Inbox Pass Ltd", connectionStatus: "Linked" });
    const event = writeEvent(company);
    await queue(h.db, event);
    const old = writeEvent(company);
    await queue(h.db, old);
    await h.db.execute(sql`update codat_webhook_inbox set failed_at = now() - interval '31 days', last_error = 'old' where id = ${old.id}`);
    await codatWebhookInboxJob(() => codat).run(other.db, new Date());
    expect(await isWebhookHandled(h.db, event.id)).toBe(true);
    expect((await listFailedInboxWebhooks(h.db, 50)).map((r) => r.id)).not.toContain(old.id);
  });
});
