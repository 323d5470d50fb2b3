import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inspectLogo, MAX_LOGO_BYTES } from "./logo-image";

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, "testing/logos", name)));

describe("an uploaded logo, judged by its bytes", () => {
  it.each([
    ["logo.png", "image/png", "png"],
    ["logo.jpg", "image/jpeg", "jpg"],
    ["logo-progressive.jpg", "image/jpeg", "jpg"],
    ["logo-lossy.webp", "image/webp", "webp"],
    ["logo-lossless.webp", "image/webp", "webp"],
    ["logo-alpha.webp", "image/webp", "webp"],
  ])("%s is %s, 48×32 read from its header", (file, contentType, ext) => {
    expect(inspectLogo(fixture(file))).toEqual({ ok: true, contentType, ext, width: 48, height: 32 });
  });

  it("refuses SVG, GIF and text whatever they are called, naming the types it takes", () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const gif = new TextEncoder().encode("GIF89a\x30\x00\x20\x00");
    for (const bytes of [svg, gif, new TextEncoder().encode("hello"), new Uint8Array(0)]) {
      const result = inspectLogo(bytes);
      expect(result).toMatchObject({ ok: false, reason: "type" });
    }
    expect(inspectLogo(svg)).toMatchObject({ message: expect.stringMatching(/PNG, JPEG or WebP/) });
  });

  it("refuses more than 256 KB, even with a valid header", () => {
    const png = fixture("logo.png");
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(png);
    expect(inspectLogo(big)).toMatchObject({ ok: false, reason: "size", message: "The logo is larger than 256 KB." });
    const atLimit = new Uint8Array(MAX_LOGO_BYTES);
    atLimit.set(png);
    expect(inspectLogo(atLimit)).toMatchObject({ ok: true });
  });

  it("refuses pictures too small or too large in pixels, and headers cut short", () => {
    expect(inspectLogo(fixture("tiny.png"))).toMatchObject({ ok: false, reason: "dimensions", message: expect.stringContaining("8×8") });
    const huge = fixture("logo.png").slice();
    new DataView(huge.buffer).setUint32(16, 40_000); // IHDR width
    expect(inspectLogo(huge)).toMatchObject({ ok: false, reason: "dimensions", message: expect.stringContaining("40000×32") });
    expect(inspectLogo(fixture("logo.png").slice(0, 12))).toMatchObject({ ok: false, reason: "dimensions" });
    expect(inspectLogo(fixture("logo.jpg").slice(0, 6))).toMatchObject({ ok: false, reason: "dimensions" });
    expect(inspectLogo(fixture("logo-lossy.webp").slice(0, 20))).toMatchObject({ ok: false, reason: "dimensions" });
  });
});
