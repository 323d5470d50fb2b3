import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DbHandle } from "@/lib/db/client";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { updateCompany } from "@/lib/db/queries/companies";
import { listCompanyEvents } from "@/lib/db/queries/events";
import { updateSettings } from "@/lib/db/queries/settings";
import { getCurrentSetupLink } from "@/lib/db/queries/setup-links";
import { outboxMessages } from "@/lib/db/schema/email";
import { setupLinks } from "@/lib/db/schema/companies";
import { webhookDeliveries, webhookEndpoints } from "@/lib/db/schema/webhooks";
import { sendDueEmails } from "@/lib/email/send-due-emails";
import { smtpDeliver } from "@/lib/email/smtp-deliver";
import { startSmtpTestServer } from "@/lib/email/testing/smtp-test-server";
import { issueSetupLink } from "@/lib/setup-links/issue-setup-link";
import { resolveSetupLink } from "@/lib/setup-links/resolve-setup-link";
import { seedSetup, readCompany } from "@/lib/support/testing/setup-fixtures";
import { announceStalledSetups } from "./announce-stalled-setups";
import { reminderJob } from "./reminder-job";
import { sendSetupReminders } from "./send-setup-reminders";

const DAY = 86_400_000;
const APP_URL = "https://setup.example.com";
const OUTBOX = { from: "Acme Pay <setup@acme.example>" };
/** Each setup went quiet 10 days before the real now, so its invite (14 days) is live throughout. */
const T = new Date(Date.now() - 10 * DAY);
const at = (days: number) => new Date(T.getTime() + days * DAY);

describeEachDatabase("reminders for stalled setups on $name", ({ open }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(async () => h?.close());

  /** A setup with a live invite, quiet since T. */
  async function stalledSetup(name: string) {
    const company = await seedSetup(h.db, { name });
    await issueSetupLink(h.db, { companyId: company.id, actor: { actorType: "system", actorId: null, actorLabel: "System" }, appUrl: APP_URL });
    await updateCompany(h.db, company.id, { lastActivityAt: T });
    return company;
  }
  const remindersOf = async (companyId: string) =>
    h.db.select().from(outboxMessages).where(and(eq(outboxMessages.companyId, companyId), eq(outboxMessages.kind, "reminder")));
  const run = (now: Date) => sendSetupReminders(h.db, { now, mail: OUTBOX, appUrl: APP_URL });

  it("sends one reminder after 3 quiet days, not a second one until the delay passes again, at most 3", async () => {
    const c = await stalledSetup("Quiet Ltd");
    await run(at(2.9));
    expect(await remindersOf(c.id)).toHaveLength(0);
    await run(at(3));
    await run(at(3.1));
    expect(await remindersOf(c.id)).toHaveLength(1);
    await run(at(5.9));
    expect(await remindersOf(c.id)).toHaveLength(1);
    await run(at(6.1));
    await run(at(9.2));
    await run(at(12.3));
    await run(at(20));
    const sent = await remindersOf(c.id);
    expect(sent).toHaveLength(3);
    expect(sent[0]).toMatchObject({ to: "quiet.ltd@example.com", subject: expect.stringContaining("finish setting up Sage 50") });

    // The reminders are on the timeline, and did not count as the client's progress.
    const events = (await listCompanyEvents(h.db, c.id)).filter((e) => e.type === "setup_link.reminder_sent");
    expect(events.map((e) => e.data.number).sort()).toEqual([1, 2, 3]);
    expect((await readCompany(h.db, c.id)).lastActivityAt.getTime()).toBe(T.getTime());
  });

  it("two passes at once send one reminder", async () => {
    const c = await stalledSetup("Twice Ltd");
    await Promise.all([run(at(3)), run(at(3))]);
    expect(await remindersOf(c.id)).toHaveLength(1);
  });

  it("stops when the client moves on, and starts over from the new progress", async () => {
    const c = await stalledSetup("Moving Ltd");
    await run(at(3));
    expect(await remindersOf(c.id)).toHaveLength(1);
    await updateCompany(h.db, c.id, { lastActivityAt: at(4) });
    await run(at(6.5));
    expect(await remindersOf(c.id)).toHaveLength(1);
    await run(at(7));
    expect(await remindersOf(c.id)).toHaveLength(2);
  });

  it("sends none once push is enabled, without a contact email, or when the invite expired or was revoked", async () => {
    const enabled = await stalledSetup("Enabled Ltd");
    await updateCompany(h.db, enabled.id, { pushEnabled: true });
    const noContact = await stalledSetup("No Contact Ltd");
    await updateCompany(h.db, noContact.id, { contactEmail: null });
    const expired = await stalledSetup("Expired Ltd");
    await h.db.update(setupLinks).set({ expiresAt: at(2) }).where(eq(setupLinks.companyId, expired.id));
    const revoked = await stalledSetup("Revoked Ltd");
    await h.db.update(setupLinks).set({ revokedAt: at(1) }).where(eq(setupLinks.companyId, revoked.id));
    await run(at(3));
    for (const c of [enabled, noContact, expired, revoked]) expect(await remindersOf(c.id), c.name).toHaveLength(0);
  });

  it("sends none when reminders are off in the settings, and waits the delay the settings give", async () => {
    const c = await stalledSetup("Settings Ltd");
    await updateSettings(h.db, { remindersEnabled: false });
    try {
      expect(await run(at(3))).toEqual({ sent: 0 });
      expect(await remindersOf(c.id)).toHaveLength(0);
    } finally {
      await updateSettings(h.db, { remindersEnabled: true });
    }
    await updateSettings(h.db, { reminderDelayDays: 5 });
    try {
      await run(at(4));
      expect(await remindersOf(c.id)).toHaveLength(0);
      await run(at(5));
      expect(await remindersOf(c.id)).toHaveLength(1);
    } finally {
      await updateSettings(h.db, { reminderDelayDays: 3 });
    }
  });

  it("setups already reminded do not take the places of setups that are due", async () => {
    const fresh = await open();
    try {
      const seed = async (name: string, quietSince: Date) => {
        const company = await seedSetup(fresh.db, { name });
        await issueSetupLink(fresh.db, { companyId: company.id, actor: { actorType: "system", actorId: null, actorLabel: "System" }, appUrl: APP_URL });
        await updateCompany(fresh.db, company.id, { lastActivityAt: quietSince });
        return company;
      };
      const done = await seed("Done Ltd", at(-6));
      const reminded = await seed("Just Reminded Ltd", at(-5));
      for (const now of [at(-3), at(0), at(3)]) await sendSetupReminders(fresh.db, { now, mail: OUTBOX, appUrl: APP_URL, batch: 1 });
      await sendSetupReminders(fresh.db, { now: at(4), mail: OUTBOX, appUrl: APP_URL, batch: 1 });
      const due = await seed("Due Ltd", at(0));
      await sendSetupReminders(fresh.db, { now: at(4), mail: OUTBOX, appUrl: APP_URL, batch: 1 });
      const count = async (companyId: string) =>
        (await fresh.db.select().from(outboxMessages).where(eq(outboxMessages.companyId, companyId))).length;
      expect(await count(done.id)).toBe(3);
      expect(await count(reminded.id)).toBe(1);
      expect(await count(due.id)).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  describe("the setup.stalled webhook", () => {
    beforeAll(async () => {
      await h.db.insert(webhookEndpoints).values({ url: "https://hooks.example.com/stalls", events: ["setup.stalled"], secretEncrypted: "unused" });
    });
    const stallsOf = async (companyId: string) =>
      (
        await h.db
          .select({ payload: webhookDeliveries.payload })
          .from(webhookDeliveries)
          .where(and(eq(webhookDeliveries.companyId, companyId), eq(webhookDeliveries.eventType, "setup.stalled")))
          .orderBy(webhookDeliveries.seq)
      ).map((d) => (d.payload as { data: { lastActivityAt: string } }).data.lastActivityAt);
    const pass = async (now: Date) => {
      await announceStalledSetups(h.db, { now });
      await run(now);
    };

    it("is sent once per stall with a contact email, beside the reminders, and again after the next stall", async () => {
      const c = await stalledSetup("Stall Webhook Ltd");
      await pass(at(2.9));
      expect(await stallsOf(c.id)).toEqual([]);
      await pass(at(3));
      await pass(at(6.1));
      await pass(at(9.2));
      expect(await stallsOf(c.id)).toEqual([T.toISOString()]);
      expect(await remindersOf(c.id)).toHaveLength(3);
      await updateCompany(h.db, c.id, { lastActivityAt: at(10) });
      await pass(at(12));
      expect(await stallsOf(c.id)).toHaveLength(1);
      await pass(at(13));
      expect(await stallsOf(c.id)).toEqual([T.toISOString(), at(10).toISOString()]);
    });

    it("is sent once per stall without a contact email or a live invite, and with reminders off", async () => {
      const noContact = await stalledSetup("Stall No Contact Ltd");
      await updateCompany(h.db, noContact.id, { contactEmail: null });
      const noInvite = await seedSetup(h.db, { name: "Stall No Invite Ltd" });
      await updateCompany(h.db, noInvite.id, { lastActivityAt: T });
      await updateSettings(h.db, { remindersEnabled: false });
      try {
        await Promise.all([pass(at(3)), pass(at(3))]);
        await pass(at(20));
      } finally {
        await updateSettings(h.db, { remindersEnabled: true });
      }
      for (const c of [noContact, noInvite]) {
        expect(await stallsOf(c.id), c.name).toEqual([T.toISOString()]);
        expect(await remindersOf(c.id), c.name).toHaveLength(0);
      }
    });

    it("is not sent once push is enabled, and the scheduler's reminder job sends it", async () => {
      const enabled = await stalledSetup("Stall Enabled Ltd");
      await updateCompany(h.db, enabled.id, { pushEnabled: true });
      const viaJob = await stalledSetup("Stall Via Job Ltd");
      await updateCompany(h.db, viaJob.id, { contactEmail: null });
      await reminderJob.run(h.db, at(3));
      expect(await stallsOf(enabled.id)).toEqual([]);
      expect(await stallsOf(viaJob.id)).toEqual([T.toISOString()]);
    });
  });

  describe("over SMTP", () => {
    let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
    beforeAll(async () => {
      smtp = await startSmtpTestServer();
    });
    afterAll(async () => smtp?.close());

    it("the reminder arrives with a link that opens the setup, and the invite keeps working", async () => {
      const c = await stalledSetup("Smtp Reminder Ltd");
      const invite = await getCurrentSetupLink(h.db, c.id);
      const mail = { ...OUTBOX, smtpUrl: smtp.url };
      await sendSetupReminders(h.db, { now: at(3), mail, appUrl: APP_URL });
      await sendDueEmails(h.db, { deliver: smtpDeliver(mail) });
      const got = smtp.received.find((m) => m.to.includes("smtp.reminder.ltd@example.com"));
      expect(got?.subject).toBe("Reminder: finish setting up Sage 50 for Acme Pay");
      const token = new RegExp(`${APP_URL}/s/([A-Za-z0-9_-]+)`).exec(got?.body ?? "")?.[1];
      expect(token).toBeTruthy();
      const opened = await resolveSetupLink(h.db, { token: token! });
      expect(opened.ok && opened.link.companyId).toBe(c.id);
      expect(opened.ok && opened.link.purpose).toBe("reminder");
      expect(opened.ok && opened.link.expiresAt.getTime()).toBe(invite!.expiresAt.getTime());
      expect((await getCurrentSetupLink(h.db, c.id))?.id).toBe(invite!.id);
      const [kept] = await remindersOf(c.id);
      expect(kept!.text).not.toContain(token);
      expect(kept!.html).not.toContain(token);
    });
  });
});
