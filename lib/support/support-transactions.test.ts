import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { isInjectedFailure, withFailingWrite } from "@/lib/db/testing/fail-writes";
import type { DbHandle } from "@/lib/db/client";
import type { StaffActor } from "@/lib/auth/actor";
import { listCompanyEvents } from "@/lib/db/queries/events";
import { findStaffByEmail, getStaffById } from "@/lib/db/queries/staff";
import { getSettings } from "@/lib/db/queries/settings";
import { findProgress } from "@/lib/db/queries/support-progress";
import { companies } from "@/lib/db/schema/companies";
import { events } from "@/lib/db/schema/events";
import { addNote } from "./add-note";
import { inviteStaff } from "./invite-staff";
import { updateStaffAccount } from "./update-staff-account";
import { saveSettings } from "./save-settings";
import { resetStep } from "./reset-step";
import { renewSetupLink } from "./renew-setup-link";
import { issueSetupLink } from "@/lib/setup-links/issue-setup-link";
import { resolveSetupLink } from "@/lib/setup-links/resolve-setup-link";
import { actorRef } from "@/lib/auth/actor";
import { readCompany, seedSetup, seedStaffActor } from "./testing/setup-fixtures";

/** Each support change fails at its last write and must leave nothing of itself behind. */
describeEachDatabase("support changes are all or nothing on $name", ({ open }) => {
  let h: DbHandle;
  let admin: StaffActor;
  beforeAll(async () => {
    h = await open();
    admin = await seedStaffActor(h.db, "admin");
  });
  afterAll(async () => h?.close());

  const eventTyped = (type: string) => ({ table: events, on: "insert" as const, when: `new.type = '${type}'` });

  it("a note and the company's last activity are one write", async () => {
    const c = await seedSetup(h.db, { name: "Note Fail Ltd", daysSinceActivity: 3 });
    const failing = { table: companies, on: "update" as const, when: `new.id = '${c.id}'` };
    await expect(withFailingWrite(h.db, failing, () => addNote(h.db, { companyId: c.id, actor: admin, text: "Called the client" }))).rejects.toSatisfy(
      isInjectedFailure,
    );
    expect((await listCompanyEvents(h.db, c.id)).map((e) => e.type)).not.toContain("note.added");
    expect((await readCompany(h.db, c.id)).lastActivityAt).toEqual(c.lastActivityAt);
  });

  it("an invited account exists only with its event", async () => {
    const input = { name: "Half Invited", email: "half-invited@example.com", role: "support" as const };
    await expect(withFailingWrite(h.db, eventTyped("staff.invited"), () => inviteStaff(h.db, { input, actor: admin }))).rejects.toSatisfy(isInjectedFailure);
    expect(await findStaffByEmail(h.db, input.email)).toBeNull();
    const invited = await inviteStaff(h.db, { input, actor: admin });
    expect(invited.staff.email).toBe(input.email);
  });

  it("a role change or deactivation is kept only with its event (and only then ends sessions)", async () => {
    const member = await seedStaffActor(h.db, "support");
    const before = await getStaffById(h.db, member.id);
    const change = () => updateStaffAccount(h.db, { id: member.id, patch: { role: "admin", active: false }, actor: admin });
    await expect(withFailingWrite(h.db, eventTyped("staff.updated"), change)).rejects.toSatisfy(isInjectedFailure);
    expect(await getStaffById(h.db, member.id)).toEqual(before);
  });

  it("settings are saved only with the event naming what changed", async () => {
    const before = await getSettings(h.db);
    const values = { integratorName: "Half Saved Pay", pushCurrencies: ["GBP", "EUR"], supportContact: before.supportContact, testPushTimeoutMinutes: 7, remindersEnabled: before.remindersEnabled, reminderDelayDays: before.reminderDelayDays };
    await expect(withFailingWrite(h.db, eventTyped("settings.updated"), () => saveSettings(h.db, { values, actor: admin }))).rejects.toSatisfy(
      isInjectedFailure,
    );
    expect(await getSettings(h.db)).toEqual(before);
  });

  it("a reset step keeps its answers when the reset cannot be logged", async () => {
    const now = new Date();
    const c = await seedSetup(h.db, { name: "Reset Fail Ltd", connectionStatus: "Linked", progress: { pushUsername: "ACME PUSH", pushUserDoneAt: now } });
    const before = await findProgress(h.db, c.id);
    const reset = () => resetStep(h.db, { companyId: c.id, step: "push-user", actor: admin });
    await expect(withFailingWrite(h.db, eventTyped("step.reset"), reset)).rejects.toSatisfy(isInjectedFailure);
    expect(await findProgress(h.db, c.id)).toEqual(before);
  });

  it("a renewed link that cannot be logged leaves the client's current link working", async () => {
    const c = await seedSetup(h.db, { name: "Renewal Fail Ltd" });
    const current = await issueSetupLink(h.db, { companyId: c.id, actor: actorRef(admin), appUrl: "http://x" });
    const renew = () => renewSetupLink(h.db, { companyId: c.id, actor: admin });
    await expect(withFailingWrite(h.db, eventTyped("setup_link.issued"), renew)).rejects.toSatisfy(isInjectedFailure);
    expect((await resolveSetupLink(h.db, { token: current.token })).ok).toBe(true);
    expect((await listCompanyEvents(h.db, c.id)).filter((e) => e.type === "setup_link.issued")).toHaveLength(1);
  });
});
