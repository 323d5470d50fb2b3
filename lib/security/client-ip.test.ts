import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { clientIp } from "./client-ip";

const headers = (xff: string | null) => new Headers(xff === null ? {} : { "x-forwarded-for": xff });

describe("clientIp", () => {
  it("is the hop the nearest proxy appended, whatever a client put before it", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.ipV4(), fc.string({ maxLength: 20 }).map((s) => s.replace(/,/g, ""))), { maxLength: 5 }), fc.ipV4(), (spoofed, real) => {
        expect(clientIp(headers([...spoofed, real].join(", ")))).toBe(real);
      }),
    );
  });

  it("has a bucket for requests without the header, and bounds its length", () => {
    expect(clientIp(headers(null))).toBe("unknown");
    expect(clientIp(headers(" , "))).toBe("unknown");
    expect(clientIp(headers("x".repeat(5000))).length).toBe(100);
  });
});
