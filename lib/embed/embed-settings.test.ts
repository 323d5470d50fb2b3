import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import { events } from "@/lib/db/schema/events";
import { isInjectedFailure, withFailingWrite } from "@/lib/db/testing/fail-writes";
import { seedStaffActor } from "@/lib/support/testing/setup-fixtures";
import { frameAncestorsFor } from "@/lib/security/frame-ancestors";
import { setupLinkEmail } from "@/lib/email/templates";
import { embedSettingsSchema } from "./embed-settings-schema";
import { loadEmbedSettings, saveEmbedSettings } from "./save-embed-settings";
import { checkedEmbedOrigin } from "./embed-origin";
import { brandStylesheet, loadBrand } from "./brand";

// A local (non-production) environment whose kept secrets go to a throwaway folder.
const dataDir = mkdtempSync(path.join(tmpdir(), "embed-settings-"));
vi.stubEnv("NODE_ENV", "test");
vi.stubEnv("DEMO", "");
vi.stubEnv("DATA_DIR", dataDir);
vi.stubEnv("APP_URL", "http://127.0.0.1:3999");
vi.stubEnv("AUTH_SECRET", "embed-settings-test-secret-0123456789abcdef");
vi.stubEnv("CODAT_WEBHOOK_SECRET", "whsec_dGVzdA");
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const local = embedSettingsSchema({ allowLocalHttp: true });
const production = embedSettingsSchema({ allowLocalHttp: false });

describe("the embedding and branding schema (form and route)", () => {
  it("normalises and de-duplicates origins and the colour", () => {
    const parsed = local.parse({ allowedOrigins: ["https://App.example.com/", "https://app.example.com", "http://localhost:4000"], logo: "acme-books", primaryColour: "#0F5132" });
    expect(parsed).toEqual({ allowedOrigins: ["https://app.example.com", "http://localhost:4000"], logo: "acme-books", primaryColour: "#0f5132" });
  });

  it("refuses local http origins in production, unreadable colours and unknown logos, each with its field", () => {
    const result = production.safeParse({ allowedOrigins: ["http://localhost:4000"], logo: "uploaded.svg", primaryColour: "#ffcc00" });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
    expect(byField.allowedOrigins).toMatch(/only outside production/);
    expect(byField.primaryColour).toMatch(/WCAG AA/);
    expect(byField.logo).toBe("Choose one of the logos.");
  });

  it("refuses more than 20 origins and unknown fields", () => {
    const many = Array.from({ length: 21 }, (_, i) => `https://a${i}.example.com`);
    expect(local.safeParse({ allowedOrigins: many, logo: "none", primaryColour: "#174bb0" }).success).toBe(false);
    expect(local.safeParse({ allowedOrigins: [], logo: "none", primaryColour: "#174bb0", logoUrl: "https://evil.test/x.svg" }).success).toBe(false);
  });
});

describeEachDatabase("embedding and branding on $name", ({ open }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(async () => h?.close());

  it("starts with nothing allowed and the default colour", async () => {
    expect(await loadEmbedSettings(h.db)).toMatchObject({ allowedOrigins: [], logo: "none", primaryColour: "#174bb0" });
  });

  it("an admin's save is logged, and this process's proxy frames the wizard for the new origins at once", async () => {
    const admin = await seedStaffActor(h.db);
    const values = local.parse({ allowedOrigins: ["https://app.example.com"], logo: "acme-books", primaryColour: "#0f5132" });
    const saved = await saveEmbedSettings(h.db, { values, actor: admin });
    expect(saved).toMatchObject({ allowedOrigins: ["https://app.example.com"], logo: "acme-books", primaryColour: "#0f5132" });
    // Outside production, the app itself may frame the wizard too (/embed-demo).
    expect(frameAncestorsFor("/setup/before-start")).toBe("'self' https://app.example.com");
    expect(frameAncestorsFor("/support")).toBe("'none'");
    const logged = await h.db.select().from(events).where(and(eq(events.type, "embed_settings.updated"), isNull(events.companyId)));
    expect(logged.at(-1)?.data).toEqual({ changed: ["allowedOrigins", "logo", "primaryColour"] });
  });

  it("a save that fails part-way changes nothing, and the proxy keeps the old list", async () => {
    const admin = await seedStaffActor(h.db);
    const values = local.parse({ allowedOrigins: ["https://other.example.com"], logo: "none", primaryColour: "#000000" });
    const failed = await withFailingWrite(h.db, { table: events, on: "insert" }, () => saveEmbedSettings(h.db, { values, actor: admin })).catch((e: unknown) => e);
    expect(isInjectedFailure(failed)).toBe(true);
    expect(await loadEmbedSettings(h.db)).toMatchObject({ allowedOrigins: ["https://app.example.com"], logo: "acme-books" });
    expect(frameAncestorsFor("/go")).toBe("'self' https://app.example.com");
  });

  it("the wizard posts only to a listed origin (or, in demo mode, the app's own)", async () => {
    expect(await checkedEmbedOrigin(h.db, "https://app.example.com")).toBe("https://app.example.com");
    expect(await checkedEmbedOrigin(h.db, "http://127.0.0.1:3999")).toBe("http://127.0.0.1:3999");
    expect(await checkedEmbedOrigin(h.db, "https://evil.example.com")).toBeNull();
    expect(await checkedEmbedOrigin(h.db, "*")).toBeNull();
    expect(await checkedEmbedOrigin(h.db, null)).toBeNull();
  });

  it("the branding reaches the wizard's stylesheet and the emails", async () => {
    const brand = await loadBrand(h.db);
    expect(brand).toMatchObject({ logoPath: "/img/brand/acme-books.png", primaryColour: "#0f5132" });
    expect(brandStylesheet(brand)).toContain("--color-brand-600:#0f5132;");
    expect(brandStylesheet({ primaryColour: "#174bb0" }), "the default colour keeps the theme").toBe("");
    const email = setupLinkEmail({
      appUrl: "https://setup.example.com",
      integratorName: brand.integratorName,
      brand,
      companyName: "Widgets Ltd",
      linkUrl: "https://setup.example.com/s/tok",
      shortCode: "ABCD-EFGH",
      expiresAt: new Date("2026-12-31T00:00:00Z"),
    });
    expect(email.html).toContain('src="https://setup.example.com/img/brand/acme-books.png"');
    expect(email.html).toContain("background:#0f5132;");
  });
});
