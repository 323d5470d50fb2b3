import { describe, expect, it } from "vitest";
import { candidatesHref, candidatesQuerySchema, importByIdFormSchema, importRequestSchema, MAX_IMPORT_IDS } from "./import-schema";
import { readCandidatesParams } from "./import-page-data";
import { linkableState, toCodatCompanyQuery } from "./list-linkable-companies";
import { pickConnection } from "./import-company";
import type { CodatConnection } from "@/lib/codat/types";

const ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

describe("import request", () => {
  it("takes 1 to 100 Codat company ids, trimmed, lower-cased and each counted once", () => {
    const parsed = importRequestSchema.parse({ codatCompanyIds: [` ${ID.toUpperCase()} `, ID], contactEmail: "Owner@Example.com" });
    expect(parsed).toEqual({ codatCompanyIds: [ID], contactEmail: "owner@example.com" });
    expect(importRequestSchema.parse({ codatCompanyIds: [ID] }).contactEmail).toBeNull();
  });

  it.each([
    [{ codatCompanyIds: [] }, "Choose at least one company to invite."],
    [{ codatCompanyIds: Array.from({ length: MAX_IMPORT_IDS + 1 }, () => ID) }, "Invite at most 100 companies at a time."],
    [{ codatCompanyIds: ["acme"] }, "A Codat company ID looks like"],
    [{ codatCompanyIds: [ID], contactEmail: "nope" }, "Enter a valid email address"],
    [{ codatCompanyIds: [ID], password: "x" }, "Unrecognized key"],
  ])("refuses %j", (body, message) => {
    const result = importRequestSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });

  it("checks a single id typed on the page with the same rule", () => {
    expect(importByIdFormSchema.safeParse({ codatCompanyId: "" }).error?.issues[0]?.message).toBe("Enter a Codat company ID.");
    expect(importByIdFormSchema.parse({ codatCompanyId: `${ID}\n` })).toEqual({ codatCompanyId: ID });
  });
});

describe("candidates query", () => {
  it("defaults, bounds and builds short addresses", () => {
    const q = candidatesQuerySchema.parse({});
    expect(q).toEqual({ page: 1, pageSize: 25, q: undefined });
    expect(candidatesHref(q)).toBe("/support/import");
    expect(candidatesHref(q, { page: 3, q: "acme & co" })).toBe("/support/import?q=acme+%26+co&page=3");
    expect(candidatesQuerySchema.safeParse({ pageSize: "7" }).success).toBe(false);
    expect(candidatesQuerySchema.safeParse({ page: "0" }).success).toBe(false);
  });

  it("reads the page's address leniently, dropping only what is wrong", () => {
    expect(readCandidatesParams({ page: "2", pageSize: "999", q: ["acme", "x"] })).toEqual({
      query: { page: 2, pageSize: 25, q: "acme" },
      corrected: true,
    });
    expect(readCandidatesParams({ page: "", other: "x" })).toEqual({ query: { page: 1, pageSize: 25, q: undefined }, corrected: false });
  });
});

describe("Codat query from the search box", () => {
  it.each([
    [undefined, undefined],
    ["   ", undefined],
    ["Acme", "name~{Acme}"],
    ["  Acme   Trading ", "name~{Acme Trading}"],
    ["a && id!=x || {b}", "name~{a id!=x b}"],
    [ID.toUpperCase(), `id={${ID}}`],
  ])("%j → %j", (text, query) => {
    expect(toCodatCompanyQuery(text)).toBe(query);
  });
});

describe("marking and choosing connections", () => {
  const conn = (over: Partial<CodatConnection>): CodatConnection => ({
    id: "c",
    status: "Linked",
    linkUrl: "https://link",
    platformName: "Sage 50 (UK & Ireland)",
    integrationKey: "hbql",
    sourceType: "Accounting",
    lastSync: null,
    created: "2025-01-01T00:00:00Z",
    errors: [],
    ...over,
  });

  it("marks each company by what support can do with it", () => {
    const linked = { connectionId: "c", status: "Linked" as const, lastSync: null };
    const existing = { companyId: "x", name: "X", flow: "upgrade" as const, pushEnabled: false };
    expect(linkableState(linked, null)).toBe("ready");
    expect(linkableState(linked, existing)).toBe("already_set_up");
    expect(linkableState({ ...linked, status: "Deauthorized" }, null)).toBe("not_linked");
    expect(linkableState(null, null)).toBe("no_sage50");
  });

  it("upgrades the newest Linked Sage 50 connection, or reports the newest one", () => {
    const old = conn({ id: "old", created: "2024-01-01T00:00:00Z" });
    const fresh = conn({ id: "new", status: "PendingAuth", created: "2025-06-01T00:00:00Z" });
    const other = conn({ id: "xero", integrationKey: "gbol", created: "2025-07-01T00:00:00Z" });
    expect(pickConnection([fresh, old, other])?.id).toBe("old");
    expect(pickConnection([fresh, other])?.id).toBe("new");
    expect(pickConnection([other])).toBeUndefined();
  });
});
