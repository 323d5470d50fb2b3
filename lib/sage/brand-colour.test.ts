import { describe, expect, it } from "vitest";
import { checkPrimaryColour, contrastWithWhite, darkerShade, DEFAULT_PRIMARY_COLOUR, normaliseHexColour } from "./brand-colour";

describe("the integrator's primary colour", () => {
  it("reads #rgb and #rrggbb, in any case, as lower-case #rrggbb", () => {
    expect(normaliseHexColour("#ABC")).toBe("#aabbcc");
    expect(normaliseHexColour(" #0F5132 ")).toBe("#0f5132");
    for (const bad of ["0f5132", "#0f513", "#ggg", "red", "rgb(0,0,0)", "#0f5132ff", "#0f5132;}body{"]) expect(normaliseHexColour(bad)).toBeNull();
  });

  it("computes WCAG contrast against white: black 21:1, white 1:1, #767676 the AA threshold", () => {
    expect(contrastWithWhite("#000000")).toBeCloseTo(21, 5);
    expect(contrastWithWhite("#ffffff")).toBeCloseTo(1, 5);
    expect(contrastWithWhite("#767676")).toBeGreaterThanOrEqual(4.5);
    expect(contrastWithWhite("#777777")).toBeLessThan(4.5);
  });

  it("refuses a colour white text cannot be read on, saying why", () => {
    const refused = checkPrimaryColour("#ffcc00");
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/contrast of 1\.\d\d:1.*at least 4\.5:1 \(WCAG AA\)/);
    expect(checkPrimaryColour("#777777").ok).toBe(false);
    expect(checkPrimaryColour("#767676")).toEqual({ ok: true, colour: "#767676" });
    expect(checkPrimaryColour(DEFAULT_PRIMARY_COLOUR).ok).toBe(true);
    expect(checkPrimaryColour("blue").ok).toBe(false);
  });

  it("a darker shade stays a hex colour and is darker", () => {
    expect(darkerShade("#174bb0")).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrastWithWhite(darkerShade("#174bb0"))).toBeGreaterThan(contrastWithWhite("#174bb0"));
  });
});
