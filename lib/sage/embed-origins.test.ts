import { describe, expect, it } from "vitest";
import { checkEmbedOrigin, frameAncestorsSources, isAllowedEmbedOrigin, isEmbeddablePath } from "./embed-origins";

const production = { allowLocalHttp: false };
const local = { allowLocalHttp: true };

describe("origins allowed to embed the wizard", () => {
  it("accepts an https origin, normalised (case, trailing slash, default port)", () => {
    expect(checkEmbedOrigin("https://app.example.com", production)).toEqual({ ok: true, origin: "https://app.example.com" });
    expect(checkEmbedOrigin("  https://App.Example.com/ ", production)).toEqual({ ok: true, origin: "https://app.example.com" });
    expect(checkEmbedOrigin("https://app.example.com:443", production)).toEqual({ ok: true, origin: "https://app.example.com" });
    expect(checkEmbedOrigin("https://app.example.com:8443", production)).toEqual({ ok: true, origin: "https://app.example.com:8443" });
  });

  it.each([
    ["a path", "https://app.example.com/settings"],
    ["a query", "https://app.example.com/?a=1"],
    ["a fragment", "https://app.example.com#x"],
    ["a login", "https://user:pw@app.example.com"],
    ["a wildcard", "https://*.example.com"],
    ["plain http on a public host", "http://app.example.com"],
    ["another scheme", "javascript:alert(1)"],
    ["a data URL", "data:text/html,hi"],
    ["a bare host", "app.example.com"],
    ["nothing", ""],
    ["a CSP injection", "https://a.example.com; script-src *"],
    ["a space-separated pair", "https://a.example.com https://b.example.com"],
  ])("refuses %s", (_, text) => {
    expect(checkEmbedOrigin(text, local).ok).toBe(false);
  });

  it("allows http://localhost and http://127.0.0.1 only outside production", () => {
    for (const text of ["http://localhost:3000", "http://127.0.0.1:4000", "http://localhost"]) {
      expect(checkEmbedOrigin(text, local)).toEqual({ ok: true, origin: text });
      const refused = checkEmbedOrigin(text, production);
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.message).toMatch(/only outside production/);
    }
  });

  it("matches an origin as the browser reports it, exactly; the opaque origin \"null\" never", () => {
    const list = ["https://app.example.com"];
    expect(isAllowedEmbedOrigin("https://app.example.com", list)).toBe(true);
    expect(isAllowedEmbedOrigin("https://app.example.com.evil.test", list)).toBe(false);
    expect(isAllowedEmbedOrigin("http://app.example.com", list)).toBe(false);
    expect(isAllowedEmbedOrigin("null", [...list, "null"])).toBe(false);
    expect(isAllowedEmbedOrigin(null, list)).toBe(false);
  });
});

describe("frame-ancestors", () => {
  it("is 'none' when nothing is listed, else exactly the listed origins ('self' only when asked)", () => {
    expect(frameAncestorsSources([])).toBe("'none'");
    expect(frameAncestorsSources(["https://a.example.com", "https://b.example.com"])).toBe("https://a.example.com https://b.example.com");
    expect(frameAncestorsSources([], { self: true })).toBe("'self'");
    expect(frameAncestorsSources(["https://a.example.com"], { self: true })).toBe("'self' https://a.example.com");
  });

  it("applies to the client's pages only: the wizard, setup links and /go", () => {
    for (const path of ["/setup", "/setup/before-start", "/setup/health", "/s/abc", "/go"]) expect(isEmbeddablePath(path)).toBe(true);
    for (const path of ["/", "/support", "/support/admin", "/sign-in", "/setupx", "/api/companies", "/embed-demo", "/go/x", "/docs/api", "/sim/pc/1"]) {
      expect(isEmbeddablePath(path)).toBe(false);
    }
  });
});
