import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { ZodError } from "zod";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import { events } from "@/lib/db/schema/events";
import { users } from "@/lib/db/schema/staff";
import { findStaffByEmail, updateStaff } from "@/lib/db/queries/staff";
import { verifyStaffCredentials } from "@/lib/auth/verify-staff-credentials";
import { createStaffAccount } from "./create-staff-account";

/** Set to make the next event write fail: the account written before it must not stay. */
const inject = vi.hoisted(() => ({ failNextEvent: false }));
vi.mock("@/lib/db/queries/events", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/db/queries/events")>();
  return {
    ...original,
    recordEvent: (...args: Parameters<typeof original.recordEvent>) => {
      if (inject.failNextEvent) {
        inject.failNextEvent = false;
        return Promise.reject(new Error("injected failure"));
      }
      return original.recordEvent(...args);
    },
  };
});

const PASSWORD = "correct horse battery staple";
const input = (email: string, role: "admin" | "support" = "admin", password = PASSWORD) => ({ name: "First Admin", email, role, password });

describeEachDatabase("create a staff account from the command line, on $name", ({ open }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(async () => h?.close());

  const signIn = (email: string, password: string) => verifyStaffCredentials(h.db, { email, password, ip: "127.0.0.1" });
  const accounts = (email: string) => h.db.select().from(users).where(eq(users.email, email));

  it("makes an account that signs in with the chosen password, and logs it", async () => {
    const result = await createStaffAccount(h.db, { input: input(" First@Example.com "), update: false });
    expect(result.outcome).toBe("created");
    expect(result.staff).toMatchObject({ email: "first@example.com", role: "admin", active: true });
    expect(await signIn("first@example.com", PASSWORD)).toMatchObject({ id: result.staff.id, role: "admin" });
    expect(await signIn("first@example.com", "wrong horse battery staple")).toBeNull();
    const logged = await h.db.select().from(events).where(eq(events.type, "staff.created"));
    expect(logged.map((e) => e.data)).toContainEqual(expect.objectContaining({ staffId: result.staff.id, role: "admin" }));
    expect(JSON.stringify(logged)).not.toContain(PASSWORD);
  });

  it("is idempotent: a second run for the same email changes nothing and makes no second account", async () => {
    await createStaffAccount(h.db, { input: input("again@example.com"), update: false });
    const again = await createStaffAccount(h.db, { input: input("again@example.com", "support", "another long passphrase"), update: false });
    expect(again.outcome).toBe("unchanged");
    expect(again.staff.role).toBe("admin");
    expect(await accounts("again@example.com")).toHaveLength(1);
    expect(await signIn("again@example.com", PASSWORD)).not.toBeNull();
    expect(await signIn("again@example.com", "another long passphrase")).toBeNull();
  });

  it("with update, gives an existing account the role and password, reactivates it and ends its sessions", async () => {
    const first = await createStaffAccount(h.db, { input: input("update@example.com", "support"), update: false });
    await updateStaff(h.db, first.staff.id, { active: false });
    const before = await findStaffByEmail(h.db, "update@example.com");
    const result = await createStaffAccount(h.db, { input: input("update@example.com", "admin", "a brand new passphrase"), update: true });
    expect(result.outcome).toBe("updated");
    expect(result.staff).toMatchObject({ id: first.staff.id, role: "admin", active: true });
    const after = await findStaffByEmail(h.db, "update@example.com");
    expect(after!.sessionVersion).toBeGreaterThan(before!.sessionVersion);
    expect(await signIn("update@example.com", "a brand new passphrase")).not.toBeNull();
    expect(await signIn("update@example.com", PASSWORD)).toBeNull();
    expect(await accounts("update@example.com")).toHaveLength(1);
  });

  it("with update, still creates an account that does not exist yet", async () => {
    const result = await createStaffAccount(h.db, { input: input("fresh@example.com", "support"), update: true });
    expect(result.outcome).toBe("created");
  });

  it("refuses weak passwords and bad fields, and writes nothing", async () => {
    for (const password of ["short1!", "aaaaaaaaaaaaaaaa", "121212121212121212", "x".repeat(201), "weak@example.com-123"]) {
      await expect(createStaffAccount(h.db, { input: input("weak@example.com", "admin", password), update: false })).rejects.toBeInstanceOf(ZodError);
    }
    await expect(createStaffAccount(h.db, { input: { ...input("not-an-email"), role: "admin" }, update: false })).rejects.toBeInstanceOf(ZodError);
    await expect(
      createStaffAccount(h.db, { input: { ...input("role@example.com"), role: "owner" as "admin" }, update: false }),
    ).rejects.toBeInstanceOf(ZodError);
    expect(await findStaffByEmail(h.db, "weak@example.com")).toBeNull();
    expect(await findStaffByEmail(h.db, "role@example.com")).toBeNull();
  });

  it("leaves no account behind when the event cannot be written", async () => {
    inject.failNextEvent = true;
    await expect(createStaffAccount(h.db, { input: input("halfway@example.com"), update: false })).rejects.toThrow("injected failure");
    expect(await findStaffByEmail(h.db, "halfway@example.com")).toBeNull();

    const first = await createStaffAccount(h.db, { input: input("halfway@example.com", "support"), update: false });
    inject.failNextEvent = true;
    await expect(createStaffAccount(h.db, { input: input("halfway@example.com", "admin", "a brand new passphrase"), update: true })).rejects.toThrow("injected failure");
    expect(await findStaffByEmail(h.db, "halfway@example.com")).toMatchObject({ id: first.staff.id, role: "support" });
    expect(await signIn("halfway@example.com", PASSWORD)).not.toBeNull();
  });

  it("two runs at once make one account", async () => {
    const results = await Promise.all([1, 2, 3].map(() => createStaffAccount(h.db, { input: input("race@example.com"), update: false })));
    expect(results.map((r) => r.outcome).sort()).toEqual(["created", "unchanged", "unchanged"]);
    expect(new Set(results.map((r) => r.staff.id)).size).toBe(1);
    expect(await accounts("race@example.com")).toHaveLength(1);
  });
});
