import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import type { StaffActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "@/lib/auth/passwords";
import { listCompanyEvents } from "@/lib/db/queries/events";
import { findStaffByEmail, getStaffById } from "@/lib/db/queries/staff";
import { getSettings } from "@/lib/db/queries/settings";
import { findProgress } from "@/lib/db/queries/support-progress";
import { resetStep } from "./reset-step";
import { addNote } from "./add-note";
import { inviteStaff } from "./invite-staff";
import { updateStaffAccount } from "./update-staff-account";
import { saveSettings } from "./save-settings";
import { settingsSchema } from "./settings-schema";
import { errorResponse } from "@/lib/api/error-response";
import { loadCompanyDetail } from "./load-company-detail";
import { seedSetup, seedStaffActor } from "./testing/setup-fixtures";

const NOW = new Date();
const DONE = {
  beforeStartDoneAt: NOW,
  pushUsername: "ACME PUSH",
  everydayUsernames: ["SARAH"],
  pushUserDoneAt: NOW,
  credentialsChangedAt: NOW,
  companyConfirmedAt: NOW,
  confirmedCompanyName: "Acme Ltd",
  foreignTraderConfirmedAt: NOW,
};

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describeEachDatabase("support actions on $name", ({ open }) => {
  let h: DbHandle;
  let admin: StaffActor;
  beforeAll(async () => {
    h = await open();
    admin = await seedStaffActor(h.db, "admin");
  });
  afterAll(async () => h?.close());

  describe("reset a step", () => {
    it("clears the step and the later steps' answers, keeps earlier ones, and logs who did it", async () => {
      const c = await seedSetup(h.db, { name: "Reset Ltd", connectionStatus: "Linked", progress: DONE });
      const result = await resetStep(h.db, { companyId: c.id, step: "push-user", actor: admin });
      expect(result.cleared).toEqual([
        "pushUsername",
        "everydayUsernames",
        "pushUserDoneAt",
        "credentialsChangedAt",
        "companyConfirmedAt",
        "confirmedCompanyName",
        "foreignTraderConfirmedAt",
      ]);
      const progress = await findProgress(h.db, c.id);
      expect(progress).toMatchObject({ pushUsername: null, everydayUsernames: [], pushUserDoneAt: null, companyConfirmedAt: null });
      expect(progress?.beforeStartDoneAt).not.toBeNull();
      const [event] = await listCompanyEvents(h.db, c.id);
      expect(event).toMatchObject({ type: "step.reset", actorType: "staff", actorId: admin.id, data: { step: "push-user" } });

      const detail = await loadCompanyDetail(h.db, c, { now: NOW });
      expect(detail.stepReached.key).toBe("push-user");
      expect(detail.timeline[0]?.description.sentence).toContain("Create the push user in Sage 50");
      const resettable = Object.fromEntries(detail.checklist.map((step) => [step.key, step.resettable]));
      expect(resettable).toEqual({
        "before-start": true,
        "push-user": false,
        connector: false,
        credentials: false,
        "test-push": false,
        "enable-push": false,
      });
    });

    it("clears only the later steps when a late step is reset", async () => {
      const c = await seedSetup(h.db, { name: "Late Reset Ltd", connectionStatus: "Linked", progress: DONE });
      const result = await resetStep(h.db, { companyId: c.id, step: "credentials", actor: admin });
      expect(result.cleared).toEqual(["credentialsChangedAt", "companyConfirmedAt", "confirmedCompanyName", "foreignTraderConfirmedAt"]);
      expect((await findProgress(h.db, c.id))?.pushUsername).toBe("ACME PUSH");
    });

    it("refuses while push is on, for steps that are not saved answers, and when nothing is saved", async () => {
      const on = await seedSetup(h.db, { name: "Pushing Ltd", connectionStatus: "Linked", pushEnabled: true, progress: DONE });
      expect((await rejection(resetStep(h.db, { companyId: on.id, step: "push-user", actor: admin }))).message).toMatch(/Turn it off/);
      expect((await findProgress(h.db, on.id))?.pushUsername).toBe("ACME PUSH");

      const c = await seedSetup(h.db, { name: "Fresh Ltd" });
      expect((await rejection(resetStep(h.db, { companyId: c.id, step: "connector", actor: admin }))).code).toBe("conflict");
      expect((await rejection(resetStep(h.db, { companyId: c.id, step: "test-push", actor: admin }))).code).toBe("conflict");
      expect((await rejection(resetStep(h.db, { companyId: c.id, step: "before-start", actor: admin }))).message).toMatch(/Nothing to reset/);
      const missing = "00000000-0000-4000-8000-000000000000";
      expect((await rejection(resetStep(h.db, { companyId: missing, step: "before-start", actor: admin }))).status).toBe(404);
    });
  });

  it("adds a note to the timeline with its author", async () => {
    const c = await seedSetup(h.db, { name: "Noted Ltd" });
    await addNote(h.db, { companyId: c.id, actor: admin, text: "Client says the PC sleeps at 6pm." });
    const detail = await loadCompanyDetail(h.db, c);
    expect(detail.timeline[0]).toMatchObject({
      actorLabel: "Test admin (admin)",
      description: { kind: "note", detail: "Client says the PC sleeps at 6pm." },
    });
  });

  it("hides the license key in the company detail", async () => {
    const c = await seedSetup(h.db, { name: "Keyed Ltd" });
    const detail = await loadCompanyDetail(h.db, c);
    expect(JSON.stringify(detail)).not.toContain(c.codatCompanyId);
    expect(detail.company.licenseKeyMasked.endsWith(c.codatCompanyId.slice(-4))).toBe(true);
  });

  describe("staff accounts", () => {
    it("invites with a one-time password kept only as a hash, and refuses a second account for the email", async () => {
      const { staff, oneTimePassword } = await inviteStaff(h.db, {
        input: { name: "Nina New", email: "nina@example.com", role: "support" },
        actor: admin,
      });
      expect(staff).toMatchObject({ email: "nina@example.com", role: "support", active: true });
      const row = await findStaffByEmail(h.db, "nina@example.com");
      expect(row?.passwordHash).not.toContain(oneTimePassword);
      expect(await verifyPassword(oneTimePassword, row!.passwordHash)).toBe(true);
      const again = await rejection(
        inviteStaff(h.db, { input: { name: "Nina Again", email: "nina@example.com", role: "admin" }, actor: admin }),
      );
      expect(again.status).toBe(409);
    });

    it("deactivating or changing the role bumps the session version; a no-op does not; nobody demotes themselves", async () => {
      const { staff } = await inviteStaff(h.db, { input: { name: "Sam Two", email: "sam2@example.com", role: "support" }, actor: admin });
      const before = (await getStaffById(h.db, staff.id))!.sessionVersion;

      await updateStaffAccount(h.db, { id: staff.id, patch: { active: false }, actor: admin });
      const deactivated = (await getStaffById(h.db, staff.id))!;
      expect(deactivated.active).toBe(false);
      expect(deactivated.sessionVersion).toBe(before + 1);

      await updateStaffAccount(h.db, { id: staff.id, patch: { active: false }, actor: admin });
      expect((await getStaffById(h.db, staff.id))!.sessionVersion).toBe(before + 1);

      await updateStaffAccount(h.db, { id: staff.id, patch: { active: true, role: "admin" }, actor: admin });
      expect(await getStaffById(h.db, staff.id)).toMatchObject({ active: true, role: "admin", sessionVersion: before + 2 });

      const self = await rejection(updateStaffAccount(h.db, { id: admin.id, patch: { active: false }, actor: admin }));
      expect(self.code).toBe("conflict");
      expect((await getStaffById(h.db, admin.id))!.active).toBe(true);
    });
  });

  it("saves settings through the shared schema", async () => {
    const values = settingsSchema.parse({ integratorName: " Bright Pay ", pushCurrencies: ["gbp", "EUR", "GBP"], supportContact: "help@bright.example" });
    expect(values.pushCurrencies).toEqual(["GBP", "EUR"]);
    const saved = await saveSettings(h.db, { values, actor: admin });
    expect(saved).toMatchObject({ integratorName: "Bright Pay", pushCurrencies: ["GBP", "EUR"] });
    expect((await getSettings(h.db)).supportContact).toBe("help@bright.example");
    expect(settingsSchema.safeParse({ ...values, pushCurrencies: ["XYZ"] }).success).toBe(false);
    expect(settingsSchema.safeParse({ ...values, pushCurrencies: ["EURO"] }).success).toBe(false);
    expect(settingsSchema.safeParse({ ...values, integratorName: "" }).success).toBe(false);
  });

  it("keeps the test-push deadline between 1 and 60 whole minutes, 5 when left out", async () => {
    const base = { integratorName: "Deadline Pay", pushCurrencies: [], supportContact: "help@deadline.example" };
    expect((await getSettings(h.db)).testPushTimeoutMinutes).toBeGreaterThanOrEqual(1);
    expect(settingsSchema.parse(base).testPushTimeoutMinutes).toBe(5);
    for (const refused of [0, 61, 2.5, "10"]) {
      const parsed = settingsSchema.safeParse({ ...base, testPushTimeoutMinutes: refused });
      expect(parsed.success, String(refused)).toBe(false);
      const response = errorResponse(parsed.error);
      expect(response.status).toBe(422);
      const body = (await response.json()) as { error: { code: string; details: { fields: { path: string }[] } } };
      expect(body.error.code).toBe("validation_failed");
      expect(JSON.stringify(body.error.details.fields)).toContain("testPushTimeoutMinutes");
    }
    const saved = await saveSettings(h.db, { values: settingsSchema.parse({ ...base, testPushTimeoutMinutes: 12 }), actor: admin });
    expect(saved.testPushTimeoutMinutes).toBe(12);
    expect((await getSettings(h.db)).testPushTimeoutMinutes).toBe(12);
    await saveSettings(h.db, { values: settingsSchema.parse(base), actor: admin });
    expect((await getSettings(h.db)).testPushTimeoutMinutes).toBe(5);
  });
});
