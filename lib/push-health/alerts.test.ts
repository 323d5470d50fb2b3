import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import { openAppStack, type AppStack } from "@/lib/testing/app-stack";
import { getCompany, updateCompany, type CompanyRow } from "@/lib/db/queries/companies";
import { listCompanyEvents } from "@/lib/db/queries/events";
import { listAlerts, openAlert } from "@/lib/db/queries/push-health";
import { updateSettings } from "@/lib/db/queries/settings";
import { outboxMessages } from "@/lib/db/schema/email";
import { seedSetup, seedStaffActor } from "@/lib/support/testing/setup-fixtures";
import type { StaffActor } from "@/lib/auth/actor";
import { resolveSetupLink } from "@/lib/setup-links/resolve-setup-link";
import { landingPath } from "@/lib/setup-links/landing-path";
import { sendDueEmails } from "@/lib/email/send-due-emails";
import { smtpDeliver } from "@/lib/email/smtp-deliver";
import { startSmtpTestServer } from "@/lib/email/testing/smtp-test-server";
import { evaluatePushHealth } from "./evaluate-push-health";
import { notifyOpenAlerts } from "./notify-alerts";
import { sendSupportDigest } from "./send-support-digest";
import { closeSageAndTestPush, liveCompany as setUpLiveCompany, pushBill as pushBillThroughCodat, recordedWrite } from "./testing/live-company";

const FROM = "Acme Pay <setup@acme.example>";
const OUTBOX = { from: FROM };
const HOUR = 3_600_000;

describeEachDatabase("alerts that email a repair link, and the support digest, on $name", ({ open }) => {
  let h: DbHandle;
  let stack: AppStack;
  let staff: StaffActor;
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
  beforeAll(async () => {
    h = await open();
    stack = await openAppStack(h);
    staff = await seedStaffActor(h.db, "support");
    smtp = await startSmtpTestServer();
  });
  afterAll(async () => {
    await smtp?.close();
    await stack?.close();
    await h?.close();
  });

  const emailsTo = (to: string) => h.db.select().from(outboxMessages).where(eq(outboxMessages.to, to));
  const tokenIn = (text: string) => /\/s\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? "";

  const liveCompany = (name: string, contactEmail: string) => setUpLiveCompany({ db: h.db, stack, staff, name, contactEmail });
  /** The integrator pushes a bill through Codat's own path; resolves once its outcome is recorded. */
  const pushBill = async (company: CompanyRow) => recordedWrite(h.db, stack, company, await pushBillThroughCodat(stack, company));

  it("clash after setup: the bill push fails, one email with a repair link to the credentials step, the fix and a test push close the alert", async () => {
    const contact = "owner@clash-after-setup.example";
    const company = await liveCompany("Clash Emailed Ltd", contact);

    await stack.act(company.codatCompanyId, { type: "openSage", username: "Acme Push", password: "Pw12345" });
    expect(await pushBill(company)).toMatchObject({ outcome: "failed", diagnosisCode: "concurrent_login" });
    expect(await getCompany(h.db, company.id)).toMatchObject({ pushHealthState: "failing", pushHealthCause: "concurrent_login" });

    expect(await notifyOpenAlerts(h.db, { mail: OUTBOX, appUrl: stack.url })).toEqual({ notified: 1 });
    expect(await notifyOpenAlerts(h.db, { mail: OUTBOX, appUrl: stack.url })).toEqual({ notified: 0 });
    const emails = await emailsTo(contact);
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email).toMatchObject({ kind: "alert", companyId: company.id, subject: "Action needed: Sage 50 login already in use" });
    expect(email!.text).toContain("Close Sage 50");
    const [alert] = await listAlerts(h.db, company.id);
    expect(alert).toMatchObject({ state: "open", notifiedAt: expect.any(Date) });
    const events = await listCompanyEvents(h.db, company.id);
    expect(events.find((e) => e.type === "alert.emailed")?.data).toMatchObject({ to: contact, step: "credentials", cause: "concurrent_login" });

    const check = await resolveSetupLink(h.db, { token: tokenIn(email!.text) });
    if (!check.ok) throw new Error(`repair link refused: ${check.reason}`);
    expect(check.link).toMatchObject({ purpose: "repair", opensStep: "credentials", revokedAt: null });
    expect(landingPath(check.link)).toBe("/setup/credentials");

    // The fix: close Sage 50; the repair flow ends with a test push.
    await closeSageAndTestPush({ db: h.db, stack, staff, company });
    expect(await listAlerts(h.db, company.id)).toMatchObject([{ state: "closed" }]);
    expect((await listCompanyEvents(h.db, company.id)).map((e) => e.type)).toContain("alert.closed");
    // The repair link keeps working until it expires (it lands on the wizard, which now shows the connection healthy).
    expect((await resolveSetupLink(h.db, { token: tokenIn(email!.text) })).ok).toBe(true);
    expect(await notifyOpenAlerts(h.db, { mail: OUTBOX, appUrl: stack.url })).toEqual({ notified: 0 });
    expect(await emailsTo(contact)).toHaveLength(1);
  });

  it("the alert email reaches a real SMTP server with its repair link", async () => {
    const contact = "owner@smtp-alert.example";
    const company = await liveCompany("Smtp Alert Ltd", contact);
    await stack.act(company.codatCompanyId, { type: "openSage", username: "Acme Push", password: "Pw12345" });
    await pushBill(company);
    const config = { from: FROM, smtpUrl: smtp.url };
    expect(await notifyOpenAlerts(h.db, { mail: config, appUrl: stack.url })).toEqual({ notified: 1 });
    await sendDueEmails(h.db, { deliver: smtpDeliver(config) });
    const got = smtp.received.filter((m) => m.to.includes(contact));
    expect(got).toHaveLength(1);
    expect(got[0]!.subject).toBe("Action needed: Sage 50 login already in use");
    expect(got[0]!.body).toContain(`${stack.url}/s/`);
  });

  it("two evaluations at once open one alert, and two notifier passes at once send one email", async () => {
    const company = await seedSetup(h.db, { name: "Twice Unlinked Ltd", connectionStatus: "Unlinked" });
    await updateCompany(h.db, company.id, { pushEnabled: true });
    const changes = await Promise.all([1, 2].map(() => h.db.transaction((tx) => evaluatePushHealth(tx, company.id))));
    expect(changes.filter((c) => c?.alert === "opened")).toHaveLength(1);
    expect(await listAlerts(h.db, company.id)).toHaveLength(1);

    const passes = await Promise.all([1, 2, 3].map(() => notifyOpenAlerts(h.db, { mail: OUTBOX, appUrl: stack.url })));
    expect(passes.reduce((n, p) => n + p.notified, 0)).toBe(1);
    const emails = await emailsTo(company.contactEmail!);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.text).toContain("/s/");
  });

  it("with no contact email, the alert is marked handled and the timeline says no email went", async () => {
    const company = await seedSetup(h.db, { name: "No Contact Ltd", connectionStatus: "Unlinked" });
    await updateCompany(h.db, company.id, { pushEnabled: true, contactEmail: null });
    await h.db.transaction((tx) => evaluatePushHealth(tx, company.id));
    await notifyOpenAlerts(h.db, { mail: OUTBOX, appUrl: stack.url });
    expect((await listAlerts(h.db, company.id))[0]).toMatchObject({ state: "open", notifiedAt: expect.any(Date) });
    const types = (await listCompanyEvents(h.db, company.id)).map((e) => e.type);
    expect(types).toContain("alert.not_emailed");
    expect(types).not.toContain("alert.emailed");
  });

  it("the support digest goes at most once an hour, listing the companies whose alerts opened since the last one", async () => {
    const support = "digest-desk@acme.example";
    await updateSettings(h.db, { supportContact: support });
    const t0 = new Date(Date.now() + 10 * HOUR);
    const first = await seedSetup(h.db, { name: "Digest First Ltd", connectionStatus: "Linked" });
    const second = await seedSetup(h.db, { name: "Digest Second Ltd", connectionStatus: "Linked" });
    await openAlert(h.db, { companyId: first.id, healthState: "failing", cause: "concurrent_login", openedAt: new Date(t0.getTime() - 60_000) });

    const passes = await Promise.all([1, 2].map(() => sendSupportDigest(h.db, { now: t0, mail: OUTBOX, appUrl: stack.url })));
    expect(passes.filter((p) => p.sent)).toHaveLength(1);
    let digests = await emailsTo(support);
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ kind: "support_digest" });
    expect(digests[0]!.text).toContain("Digest First Ltd");
    expect(digests[0]!.text).toContain(`/support/companies/${first.id}`);

    await openAlert(h.db, { companyId: second.id, healthState: "disconnected", cause: "connection_unlinked", openedAt: new Date(t0.getTime() + 60_000) });
    expect(await sendSupportDigest(h.db, { now: new Date(t0.getTime() + 30 * 60_000), mail: OUTBOX, appUrl: stack.url })).toMatchObject({ sent: false });
    expect(await sendSupportDigest(h.db, { now: new Date(t0.getTime() + HOUR), mail: OUTBOX, appUrl: stack.url })).toEqual({ sent: true, companies: 1 });
    digests = await emailsTo(support);
    expect(digests).toHaveLength(2);
    const latest = digests.find((d) => d.text.includes("Digest Second Ltd"))!;
    expect(latest.text).not.toContain("Digest First Ltd");
    expect(await sendSupportDigest(h.db, { now: new Date(t0.getTime() + 3 * HOUR), mail: OUTBOX, appUrl: stack.url })).toMatchObject({ sent: false });
  });
});
