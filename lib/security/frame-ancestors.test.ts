import { afterEach, describe, expect, it } from "vitest";
import { embedOrigins, frameAncestorsFor, setEmbedOrigins } from "./frame-ancestors";

const holder = globalThis as typeof globalThis & { __pushSetupFrameAncestors?: unknown };

describe("the proxy's frame-ancestors per page", () => {
  afterEach(() => {
    delete holder.__pushSetupFrameAncestors;
  });

  it("is 'none' everywhere before the list was read", () => {
    expect(embedOrigins()).toEqual([]);
    for (const path of ["/setup", "/s/tok", "/go", "/support"]) expect(frameAncestorsFor(path)).toBe("'none'");
  });

  it("lists the allowed origins on the wizard's pages only; every other page stays 'none'", () => {
    setEmbedOrigins(["https://app.example.com"], { self: false });
    expect(frameAncestorsFor("/setup/before-start")).toBe("https://app.example.com");
    expect(frameAncestorsFor("/s/tok")).toBe("https://app.example.com");
    expect(frameAncestorsFor("/go")).toBe("https://app.example.com");
    for (const path of ["/", "/support/admin", "/sign-in", "/api/settings", "/embed-demo"]) expect(frameAncestorsFor(path)).toBe("'none'");
  });

  it("an empty list keeps 'none' (production); demo mode adds 'self' for /embed-demo", () => {
    setEmbedOrigins([], { self: false });
    expect(frameAncestorsFor("/setup")).toBe("'none'");
    setEmbedOrigins([], { self: true });
    expect(frameAncestorsFor("/setup")).toBe("'self'");
    expect(frameAncestorsFor("/support")).toBe("'none'");
  });
});
