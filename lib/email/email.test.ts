import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/lib/db/client";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { outboxMessages } from "@/lib/db/schema/email";
import { listOutboxMessages } from "@/lib/db/queries/outbox";
import { queueEmail, type EmailMessage } from "./queue-email";
import { retryDelayMs, sendDueEmails, type Deliver } from "./send-due-emails";
import { smtpDeliver } from "./smtp-deliver";
import { closedSmtpUrl, startSmtpTestServer } from "./testing/smtp-test-server";

const FROM = "Acme Pay <setup@acme.example>";
const message = (to: string, subject = "Hello"): EmailMessage => ({ to, subject, text: "Hi there", html: "<p>Hi there</p>", kind: "setup_link" });

describeEachDatabase("the mail module on $name", ({ open }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(async () => h?.close());

  const read = (id: string) => h.db.select().from(outboxMessages).where(eq(outboxMessages.id, id)).then((r) => r[0]!);

  it("without SMTP, a message is sent at once into the outbox and stays readable", async () => {
    const { id } = await queueEmail(h.db, message("outbox-only@example.com"), { config: { from: FROM } });
    const row = await read(id);
    expect(row.sentAt).not.toBeNull();
    const [listed] = await listOutboxMessages(h.db, { to: "OUTBOX-ONLY@example.com", limit: 10, offset: 0 });
    expect(listed).toMatchObject({ id, subject: "Hello", text: "Hi there", kind: "setup_link" });
  });

  it("a message queued in a transaction that rolls back is never sent", async () => {
    const config = { from: FROM, smtpUrl: "smtp://127.0.0.1:1" };
    await expect(
      h.db.transaction(async (tx) => {
        await queueEmail(tx, message("rolled-back@example.com"), { config });
        throw new Error("the caller's change failed");
      }),
    ).rejects.toThrow("the caller's change failed");
    expect(await listOutboxMessages(h.db, { to: "rolled-back@example.com", limit: 10, offset: 0 })).toEqual([]);
    const delivered: string[] = [];
    await sendDueEmails(h.db, { deliver: async (m) => void delivered.push(m.to) });
    expect(delivered).not.toContain("rolled-back@example.com");
  });

  it("two senders at once deliver each message once", async () => {
    const config = { from: FROM, smtpUrl: "smtp://127.0.0.1:1" };
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => queueEmail(h.db, message(`pair-${i}@example.com`), { config })));
    const delivered: string[] = [];
    const deliver: Deliver = async (m) => {
      await new Promise((r) => setImmediate(r));
      delivered.push(m.id);
    };
    await Promise.all([sendDueEmails(h.db, { deliver, limit: 7 }), sendDueEmails(h.db, { deliver, limit: 7 })]);
    await sendDueEmails(h.db, { deliver });
    const mine = delivered.filter((id) => ids.some((q) => q.id === id));
    expect(mine.sort()).toEqual(ids.map((q) => q.id).sort());
    for (const { id } of ids) expect((await read(id)).sentAt).not.toBeNull();
  });

  describe("over SMTP to a real server", () => {
    let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
    beforeAll(async () => {
      smtp = await startSmtpTestServer();
    });
    afterAll(async () => smtp?.close());

    it("delivers with To, Subject and both bodies, and marks the message sent", async () => {
      const config = { from: FROM, smtpUrl: smtp.url };
      const { id } = await queueEmail(h.db, message("smtp@example.com", "Your setup link"), { config });
      expect((await read(id)).sentAt).toBeNull();
      const result = await sendDueEmails(h.db, { deliver: smtpDeliver(config) });
      expect(result.failed).toBe(0);
      const got = smtp.received.find((m) => m.to.includes("smtp@example.com"));
      expect(got?.subject).toBe("Your setup link");
      expect(got?.body).toContain("Hi there");
      expect(got?.body).toContain("<p>Hi there</p>");
      expect((await read(id)).sentAt).not.toBeNull();
    });

    it("keeps a message unsent with the error when the server is down, and sends it on a later try", async () => {
      const down = { from: FROM, smtpUrl: await closedSmtpUrl() };
      const t0 = new Date(Date.now() + 60_000);
      const { id } = await queueEmail(h.db, message("retry@example.com"), { config: down, now: t0 });
      const first = await sendDueEmails(h.db, { deliver: smtpDeliver(down), now: () => t0 });
      expect(first.failed).toBeGreaterThanOrEqual(1);
      const failed = await read(id);
      expect(failed).toMatchObject({ sentAt: null, attempts: 1 });
      expect(failed.lastError).toBeTruthy();
      expect(failed.nextAttemptAt.getTime()).toBe(t0.getTime() + retryDelayMs(1));

      // Before the backoff passed, it is not tried again.
      const up = { from: FROM, smtpUrl: smtp.url };
      await sendDueEmails(h.db, { deliver: smtpDeliver(up), now: () => new Date(t0.getTime() + 1_000) });
      expect((await read(id)).attempts).toBe(1);

      const later = new Date(t0.getTime() + retryDelayMs(1));
      await sendDueEmails(h.db, { deliver: smtpDeliver(up), now: () => later });
      const sent = await read(id);
      expect(sent).toMatchObject({ attempts: 2, lastError: null });
      expect(sent.sentAt).not.toBeNull();
      expect(smtp.received.some((m) => m.to.includes("retry@example.com"))).toBe(true);
    });
  });
});

describe("retryDelayMs", () => {
  it("doubles from 30 s and stops at an hour", () => {
    expect([1, 2, 3].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });
});
