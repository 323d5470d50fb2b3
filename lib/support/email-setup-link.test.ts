import { afterAll, beforeAll, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/lib/db/client";
import type { StaffActor } from "@/lib/auth/actor";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { withFailingWrite, isInjectedFailure } from "@/lib/db/testing/fail-writes";
import { listCompanyEvents } from "@/lib/db/queries/events";
import { outboxMessages } from "@/lib/db/schema/email";
import { events } from "@/lib/db/schema/events";
import { sendDueEmails } from "@/lib/email/send-due-emails";
import { smtpDeliver } from "@/lib/email/smtp-deliver";
import { startSmtpTestServer } from "@/lib/email/testing/smtp-test-server";
import { issueSetupLink } from "@/lib/setup-links/issue-setup-link";
import { resolveSetupLink } from "@/lib/setup-links/resolve-setup-link";
import { AppError } from "@/lib/errors";
import { contactEmailSchema } from "./contact-email-schema";
import { emailSetupLink } from "./email-setup-link";
import { saveContactEmail } from "./save-contact-email";
import { seedSetup, seedStaffActor } from "./testing/setup-fixtures";
import { describeEvent } from "./describe-event";

const APP_URL = "https://setup.example.com";
const OUTBOX = { from: "Acme Pay <setup@acme.example>" };

describeEachDatabase("support emails a setup link on $name", ({ open }) => {
  let h: DbHandle;
  let staff: StaffActor;
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
  beforeAll(async () => {
    h = await open();
    staff = await seedStaffActor(h.db, "support");
    smtp = await startSmtpTestServer();
  });
  afterAll(async () => {
    await smtp?.close();
    await h?.close();
  });
  const outboxOf = (companyId: string) => h.db.select().from(outboxMessages).where(eq(outboxMessages.companyId, companyId));

  it("sends a fresh link over SMTP that opens the setup; the old link stops working; the timeline says so", async () => {
    const c = await seedSetup(h.db, { name: "Mailed Ltd" });
    const old = await issueSetupLink(h.db, { companyId: c.id, actor: { actorType: "system", actorId: null, actorLabel: "System" }, appUrl: APP_URL });
    const mail = { ...OUTBOX, smtpUrl: smtp.url };
    const result = await emailSetupLink(h.db, { companyId: c.id, actor: staff, mail, appUrl: APP_URL });
    expect(result.to).toBe("mailed.ltd@example.com");
    await sendDueEmails(h.db, { deliver: smtpDeliver(mail) });
    const got = smtp.received.find((m) => m.to.includes("mailed.ltd@example.com"));
    expect(got?.subject).toBe("Set up Sage 50 for Acme Pay: Mailed Ltd");
    const token = new RegExp(`${APP_URL}/s/([A-Za-z0-9_-]+)`).exec(got?.body ?? "")?.[1];
    const opened = await resolveSetupLink(h.db, { token: token! });
    expect(opened.ok && opened.link.companyId).toBe(c.id);
    // Once the server took it, the kept copy no longer holds the link's token or short code.
    const [kept] = await outboxOf(c.id);
    expect(kept!.sentAt).not.toBeNull();
    const shortCode = /type this code: (\S+)/.exec(got?.body ?? "")?.[1];
    expect(shortCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    for (const body of [kept!.text, kept!.html ?? ""]) {
      expect(body).not.toContain(token);
      expect(body).not.toContain(shortCode);
      expect(body).toContain("[removed once sent]");
    }
    expect(kept!.secrets).toEqual([]);
    expect(await resolveSetupLink(h.db, { token: old.token })).toEqual({ ok: false, reason: "replaced" });
    const [event] = await listCompanyEvents(h.db, c.id);
    expect(event).toMatchObject({ type: "setup_link.emailed", actorId: staff.id, data: { to: "mailed.ltd@example.com" } });
    expect(describeEvent(event!.type, event!.data).sentence).toContain("mailed.ltd@example.com");
  });

  it("without SMTP the email is in the outbox, marked sent; resending makes a second one", async () => {
    const c = await seedSetup(h.db, { name: "Outbox Ltd" });
    await emailSetupLink(h.db, { companyId: c.id, actor: staff, mail: OUTBOX, appUrl: APP_URL });
    await emailSetupLink(h.db, { companyId: c.id, actor: staff, mail: OUTBOX, appUrl: APP_URL });
    const rows = await outboxOf(c.id);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.sentAt !== null && r.kind === "setup_link" && r.html?.includes("Start the setup"))).toBe(true);
    // The outbox is the delivery here: the link stays readable, and the newest one opens the setup.
    const links = rows.map((r) => new RegExp(`${APP_URL}/s/([A-Za-z0-9_-]+)`).exec(r.text)?.[1]);
    const opened = await Promise.all(links.map((token) => resolveSetupLink(h.db, { token: token! })));
    expect(opened.filter((o) => o.ok)).toHaveLength(1);
  });

  it("needs a contact email, which support can set", async () => {
    const c = await seedSetup(h.db, { name: "Nobody Ltd" });
    await saveContactEmail(h.db, { companyId: c.id, values: contactEmailSchema.parse({ contactEmail: "" }), actor: staff });
    const err = await emailSetupLink(h.db, { companyId: c.id, actor: staff, mail: OUTBOX, appUrl: APP_URL }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("conflict");
    expect(await outboxOf(c.id)).toHaveLength(0);
    expect(contactEmailSchema.safeParse({ contactEmail: "not an email" }).success).toBe(false);
    const saved = await saveContactEmail(h.db, { companyId: c.id, values: contactEmailSchema.parse({ contactEmail: "Boss@Nobody.example" }), actor: staff });
    expect(saved.contactEmail).toBe("boss@nobody.example");
    expect((await emailSetupLink(h.db, { companyId: c.id, actor: staff, mail: OUTBOX, appUrl: APP_URL })).to).toBe("boss@nobody.example");
  });

  it("keeps the link, the email and the event together: a failed write leaves none", async () => {
    const c = await seedSetup(h.db, { name: "Half Mailed Ltd" });
    await expect(
      withFailingWrite(h.db, { table: events, on: "insert", when: "new.type = 'setup_link.emailed'" }, () =>
        emailSetupLink(h.db, { companyId: c.id, actor: staff, mail: OUTBOX, appUrl: APP_URL }),
      ),
    ).rejects.toSatisfy(isInjectedFailure);
    expect(await outboxOf(c.id)).toHaveLength(0);
    expect((await listCompanyEvents(h.db, c.id)).map((e) => e.type)).not.toContain("setup_link.issued");
  });
});
