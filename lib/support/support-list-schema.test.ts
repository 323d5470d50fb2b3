import { describe, expect, it } from "vitest";
import { DEFAULT_SUPPORT_LIST_QUERY, readSupportListParams, supportListHref, supportListQuerySchema } from "./support-list-schema";

describe("support list URL state", () => {
  it("defaults each sort to its natural direction", () => {
    expect(supportListQuerySchema.parse({}).dir).toBe("desc");
    expect(supportListQuerySchema.parse({ sort: "name" }).dir).toBe("asc");
    expect(supportListQuerySchema.parse({ sort: "name", dir: "desc" }).dir).toBe("desc");
  });

  it("round-trips through the address, leaving defaults out", () => {
    expect(supportListHref(DEFAULT_SUPPORT_LIST_QUERY)).toBe("/support");
    const q = supportListQuerySchema.parse({ q: "acme & co", filter: "failing", sort: "name", dir: "desc", page: "3" });
    const href = supportListHref(q);
    expect(href).toBe("/support?q=acme+%26+co&filter=failing&sort=name&dir=desc&page=3");
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(readSupportListParams(params)).toEqual({ query: q, corrected: false });
  });

  it("resets only what it does not understand, and says so", () => {
    const { query, corrected } = readSupportListParams({ filter: "bogus", sort: "name", page: "-2", q: ["acme", "x"] });
    expect(corrected).toBe(true);
    expect(query).toMatchObject({ filter: "all", sort: "name", page: 1, q: "acme" });
  });

  it("drops a search with a NUL character (the database cannot take it) and refuses it in the API", () => {
    expect(readSupportListParams({ q: "acme\u0000", filter: "failing" })).toEqual({
      query: { ...DEFAULT_SUPPORT_LIST_QUERY, filter: "failing" },
      corrected: true,
    });
    const refused = supportListQuerySchema.safeParse({ q: "a\u0000b" });
    expect(refused.success ? null : refused.error.issues[0]?.message).toBe("Remove the NUL character from the search.");
  });
});
