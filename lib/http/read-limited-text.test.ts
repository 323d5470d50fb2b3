import { describe, expect, it } from "vitest";
import { readLimitedText } from "./read-limited-text";

const tooLarge = () => new Error("too large");

function chunked(parts: string[], pulled: { count: number }) {
  const bytes = parts.map((p) => new TextEncoder().encode(p));
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = bytes[pulled.count++];
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
  return new Request("http://x/", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("readLimitedText", () => {
  it("reads a body within the limit, whole and decoded", async () => {
    expect(await readLimitedText(chunked(["héllo ", "wörld"], { count: 0 }), 64, tooLarge)).toBe("héllo wörld");
    expect(await readLimitedText(new Request("http://x/"), 64, tooLarge)).toBe("");
  });

  it("refuses a declared size over the limit without reading, and a chunked body as soon as it passes", async () => {
    const declared = new Request("http://x/", { method: "POST", body: "x".repeat(10), headers: { "content-length": "100" } });
    await expect(readLimitedText(declared, 64, tooLarge)).rejects.toThrow("too large");
    const pulled = { count: 0 };
    await expect(readLimitedText(chunked(["a".repeat(40), "b".repeat(40), "c".repeat(40), "d"], pulled), 64, tooLarge)).rejects.toThrow("too large");
    expect(pulled.count).toBeLessThanOrEqual(3);
  });
});
