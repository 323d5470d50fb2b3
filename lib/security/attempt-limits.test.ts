import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import { setupLinkLimits, staffSignInLimits, takeAttempt, STAFF_SIGN_IN_PER_EMAIL, SETUP_LINK_PER_IP } from "./attempt-limits";

describeEachDatabase("attempt limits on $name", ({ open }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(async () => h?.close());

  it("refuses the attempt after the limit of failures, and says when the next one will be allowed", async () => {
    const now = new Date("2026-03-01T12:01:00Z");
    const limits = staffSignInLimits("Someone@Example.com", "203.0.113.1");
    for (let i = 0; i < STAFF_SIGN_IN_PER_EMAIL; i++) expect((await takeAttempt(h.db, limits, now)).allowed).toBe(true);
    const refused = await takeAttempt(h.db, staffSignInLimits("someone@example.com", "203.0.113.2"), now);
    if (refused.allowed) throw new Error("expected a refusal");
    // At least the rest of this 15-minute window, then until enough of its failures slide out of reach.
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(14 * 60);
    expect(refused.retryAfterSeconds).toBeLessThan(29 * 60);
    // Another account from the same address is not affected by the first one's failures.
    expect((await takeAttempt(h.db, staffSignInLimits("other@example.com", "203.0.113.1"), now)).allowed).toBe(true);
    const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);
    expect((await takeAttempt(h.db, limits, later(refused.retryAfterSeconds))).allowed).toBe(true);
  });

  it("a burst just before a window ends cannot be followed by another just after it", async () => {
    const limits = staffSignInLimits("edge@example.com", "203.0.113.7");
    for (let i = 0; i < STAFF_SIGN_IN_PER_EMAIL; i++) {
      expect((await takeAttempt(h.db, limits, new Date("2026-03-04T12:14:59Z"))).allowed).toBe(true);
    }
    const next = await takeAttempt(h.db, limits, new Date("2026-03-04T12:15:01Z"));
    expect(next.allowed).toBe(false);
    // Half a window on, half of those failures still count: room for some, not for a full burst.
    const halfway = new Date("2026-03-04T12:22:30Z");
    const results = [];
    for (let i = 0; i < STAFF_SIGN_IN_PER_EMAIL; i++) results.push((await takeAttempt(h.db, limits, halfway)).allowed);
    expect(results.filter(Boolean).length).toBeGreaterThan(0);
    expect(results.filter(Boolean).length).toBeLessThan(STAFF_SIGN_IN_PER_EMAIL / 2);
  });

  it("successes give their slot back, so people who get it right are never limited", async () => {
    const now = new Date("2026-03-02T12:00:00Z");
    const limits = setupLinkLimits("198.51.100.9");
    for (let i = 0; i < SETUP_LINK_PER_IP * 3; i++) {
      const attempt = await takeAttempt(h.db, limits, now);
      expect(attempt.allowed).toBe(true);
      if (attempt.allowed) await attempt.succeeded();
    }
  });

  it("parallel guesses cannot slip past the limit", async () => {
    const now = new Date("2026-03-03T12:00:00Z");
    const limits = setupLinkLimits("198.51.100.10");
    const results = await Promise.all(Array.from({ length: SETUP_LINK_PER_IP * 2 }, () => takeAttempt(h.db, limits, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(SETUP_LINK_PER_IP);
  });

  it("stores no email or address, only hashes", async () => {
    const limits = staffSignInLimits("private.person@example.com", "192.0.2.44");
    for (const l of limits) {
      expect(l.key).not.toContain("private.person");
      expect(l.key).not.toContain("192.0.2.44");
    }
  });
});
