import { afterEach, describe, expect, it, vi } from "vitest";

type Holder = { __zod_globalConfig?: Record<string, unknown> };
const holder = globalThis as typeof globalThis & Holder;
const saved = holder.__zod_globalConfig;

afterEach(() => {
  holder.__zod_globalConfig = saved;
  vi.restoreAllMocks();
});

describe("instrumentation-client", () => {
  it("makes Zod, loaded after it, build schemas without probing for eval (a CSP report in the browser)", async () => {
    vi.resetModules();
    holder.__zod_globalConfig = undefined;
    await import("./instrumentation-client");
    const probe = vi.spyOn(globalThis, "Function");
    const { z } = await import("zod");
    expect(z.config().jitless).toBe(true);
    const schema = z.object({ name: z.string().min(1) });
    expect(schema.safeParse({ name: "Acme" }).success).toBe(true);
    expect(probe).not.toHaveBeenCalled();
  });
});
