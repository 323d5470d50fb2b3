import { afterAll, beforeAll, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import type { DbHandle } from "@/lib/db/client";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { outboxMessages } from "@/lib/db/schema/email";
import { rateLimits, webhookEvents } from "@/lib/db/schema/events";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/lib/db/schema/webhooks";
import { createScheduler } from "@/lib/scheduler/scheduler";
import { seedSetup } from "@/lib/support/testing/setup-fixtures";
import { pruneOldRows } from "./prune-old-rows";
import { retentionJob } from "./retention-job";

const DAY = 86_400_000;
const NOW = new Date("2026-06-01T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

describeEachDatabase("aged-out rows on $name", ({ open }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(async () => h?.close());

  async function email(subject: string, createdDaysAgo: number, sentDaysAgo: number | null) {
    const [row] = await h.db
      .insert(outboxMessages)
      .values({
        to: "owner@example.com",
        subject,
        text: subject,
        kind: "setup_link",
        createdAt: daysAgo(createdDaysAgo),
        sentAt: sentDaysAgo === null ? null : daysAgo(sentDaysAgo),
        nextAttemptAt: daysAgo(0),
        attempts: sentDaysAgo === null ? 40 : 1,
        lastError: sentDaysAgo === null ? "550 mailbox unavailable" : null,
      })
      .returning();
    return row!.subject;
  }

  async function delivery(endpointId: string, companyId: string, status: "pending" | "delivered" | "failed", finishedDaysAgo: number | null) {
    const [row] = await h.db
      .insert(webhookDeliveries)
      .values({
        endpointId,
        companyId,
        eventId: `msg_${status}_${finishedDaysAgo}`,
        eventType: "push.enabled",
        payload: {},
        status,
        createdAt: daysAgo(60),
        finishedAt: finishedDaysAgo === null ? null : daysAgo(finishedDaysAgo),
      })
      .returning();
    await h.db.insert(webhookAttempts).values({ deliveryId: row!.id, endpointId, attempt: 1, statusCode: 500, durationMs: 10, at: daysAgo(59) });
    return row!.id;
  }

  it("deletes sent emails, finished deliveries and old limit counters past their days, and nothing still to do", async () => {
    const subjects = {
      oldSent: await email("sent 31 days ago", 32, 31),
      recentSent: await email("sent 29 days ago", 40, 29),
      unsent: await email("never sent, still retried", 90, null),
    };
    const company = await seedSetup(h.db, { name: "Retention Ltd" });
    const [endpoint] = await h.db
      .insert(webhookEndpoints)
      .values({ url: "https://hooks.example.com/x", events: ["push.enabled"], secretEncrypted: "x" })
      .returning();
    const deliveries = {
      oldReceived: await delivery(endpoint!.id, company.id, "delivered", 31),
      oldGivenUp: await delivery(endpoint!.id, company.id, "failed", 31),
      recentReceived: await delivery(endpoint!.id, company.id, "delivered", 29),
      stillRetrying: await delivery(endpoint!.id, company.id, "pending", null),
    };
    await h.db.insert(rateLimits).values([
      { key: "sign-in:old", windowStart: daysAgo(2), count: 3 },
      { key: "sign-in:recent", windowStart: daysAgo(0.01), count: 3 },
    ]);
    await h.db.insert(webhookEvents).values([
      { id: "msg_handled_31_days_ago", type: "bills.write.successful", receivedAt: daysAgo(31) },
      { id: "msg_handled_29_days_ago", type: "bills.write.successful", receivedAt: daysAgo(29) },
    ]);

    expect(await pruneOldRows(h.db, NOW)).toEqual({ sentEmails: 1, webhookDeliveries: 2, rateLimitWindows: 1, handledWebhooks: 1 });

    const kept = await h.db.select({ subject: outboxMessages.subject }).from(outboxMessages);
    expect(kept.map((r) => r.subject).sort()).toEqual([subjects.recentSent, subjects.unsent].sort());
    const keptDeliveries = await h.db.select({ id: webhookDeliveries.id }).from(webhookDeliveries);
    expect(keptDeliveries.map((r) => r.id).sort()).toEqual([deliveries.recentReceived, deliveries.stillRetrying].sort());
    const orphanTries = await h.db
      .select()
      .from(webhookAttempts)
      .where(inArray(webhookAttempts.deliveryId, [deliveries.oldReceived, deliveries.oldGivenUp]));
    expect(orphanTries).toEqual([]);
    expect((await h.db.select().from(rateLimits)).map((r) => r.key)).toEqual(["sign-in:recent"]);
    expect((await h.db.select().from(webhookEvents)).map((r) => r.id)).toEqual(["msg_handled_29_days_ago"]);

    // Years later, the unsent email and the waiting delivery are still there.
    await pruneOldRows(h.db, new Date(NOW.getTime() + 3650 * DAY));
    expect((await h.db.select().from(outboxMessages)).map((r) => r.subject)).toEqual([subjects.unsent]);
    expect(await h.db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(eq(webhookDeliveries.status, "pending"))).toEqual([
      { id: deliveries.stillRetrying },
    ]);
  });

  it("runs on the scheduler once an hour", async () => {
    let t = NOW.getTime() + 4000 * DAY;
    const scheduler = createScheduler({ getDb: async () => h.db, jobs: [retentionJob], now: () => new Date(t) });
    await email("sent long ago", 400, 400);
    expect(await scheduler.runDue()).toEqual(["retention"]);
    expect(await h.db.select().from(outboxMessages).where(eq(outboxMessages.subject, "sent long ago"))).toEqual([]);
    t += 30 * 60_000;
    expect(await scheduler.runDue()).toEqual([]);
    t += 30 * 60_000;
    expect(await scheduler.runDue()).toEqual(["retention"]);
  });
});
