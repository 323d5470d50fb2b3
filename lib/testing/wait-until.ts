import { vi } from "vitest";

/** Polls `fn` until `ok` holds (vi.waitFor), failing with the last value seen when it never does. */
export async function waitUntil<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  return vi.waitFor(
    async () => {
      const v = await fn();
      if (!ok(v)) throw new Error(`condition not met yet; last value: ${JSON.stringify(v)}`);
      return v;
    },
    { timeout: ms, interval: 100 },
  );
}
