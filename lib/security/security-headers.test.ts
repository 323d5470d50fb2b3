import { describe, expect, it } from "vitest";
import { HSTS, contentSecurityPolicy, inlineStyleElementsAllowed, newNonce, securityHeaders } from "./security-headers";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";

describe("security headers", () => {
  it("scripts run only with this request's nonce: no 'unsafe-inline', 'strict-dynamic' for what they load", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", strict: true });
    const script = directive(csp, "script-src");
    expect(script).toContain("'nonce-abc123'");
    expect(script).toContain("'strict-dynamic'");
    expect(script).not.toContain("unsafe-inline");
    expect(script).not.toContain("unsafe-eval");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    expect(directive(csp, "style-src")).not.toContain("unsafe-inline");
  });

  it("inline <style> elements only on the API reference, whose scripts still need the nonce", () => {
    for (const path of ["/", "/setup", "/support", "/docs/api/plain", "/docs/api.json", "/docs", "/api/v1/openapi.json"]) {
      expect(inlineStyleElementsAllowed(path), path).toBe(false);
    }
    expect(inlineStyleElementsAllowed("/docs/api")).toBe(true);
    const csp = contentSecurityPolicy({ nonce: "abc123", strict: true, inlineStyleElements: true });
    expect(directive(csp, "style-src")).toBe("style-src 'self' 'unsafe-inline'");
    expect(directive(csp, "script-src")).toContain("'nonce-abc123'");
    expect(directive(csp, "script-src")).not.toContain("unsafe-inline");
    expect(directive(csp, "connect-src")).toBe("connect-src 'self'");
    expect(directive(csp, "font-src")).toBe("font-src 'self'");
    expect(directive(contentSecurityPolicy({ nonce: "abc123", strict: true }), "style-src")).toBe("style-src 'self' 'nonce-abc123'");
  });

  it("production (strict) adds HSTS and upgrade-insecure-requests; a local run has neither", () => {
    const strict = securityHeaders({ nonce: "n", strict: true });
    expect(strict["Strict-Transport-Security"]).toBe(HSTS);
    expect(strict["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    const local = securityHeaders({ nonce: "n", strict: false });
    expect(local["Strict-Transport-Security"]).toBeUndefined();
    expect(local["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
    for (const headers of [strict, local]) {
      expect(headers).toMatchObject({
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "X-Frame-Options": "DENY",
      });
      expect(headers["Permissions-Policy"]).toContain("camera=()");
    }
  });

  it("frame-ancestors is 'none' with X-Frame-Options DENY unless listed origins are given; then only those, without X-Frame-Options", () => {
    const closed = securityHeaders({ nonce: "n", strict: true, frameAncestors: "'none'" });
    expect(directive(closed["Content-Security-Policy"]!, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(closed["X-Frame-Options"]).toBe("DENY");
    const open = securityHeaders({ nonce: "n", strict: true, frameAncestors: "https://app.example.com" });
    expect(directive(open["Content-Security-Policy"]!, "frame-ancestors")).toBe("frame-ancestors https://app.example.com");
    expect(open["X-Frame-Options"]).toBeUndefined();
  });

  it("only development gets 'unsafe-eval' (React's debugging)", () => {
    expect(directive(contentSecurityPolicy({ nonce: "n", strict: false, development: true }), "script-src")).toContain("'unsafe-eval'");
  });

  it("nonces are fresh and unguessable", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(Buffer.from(n, "base64").length).toBe(18);
  });
});
