import { describe, expect, it } from "vitest";
import { rateLimitedAuthResponse } from "./auth-rate-limit";

const redirect = (location: string) => new Response(null, { status: 302, headers: { Location: location } });
const now = new Date("2026-01-01T10:05:00Z");

describe("rateLimitedAuthResponse", () => {
  it("turns Auth.js's redirect for a limited staff attempt into 429 with Retry-After to the window's end", async () => {
    const res = rateLimitedAuthResponse(
      "http://x/api/auth/callback/staff",
      redirect("http://x/sign-in?error=CredentialsSignin&code=rate_limited"),
      now,
    );
    expect(res.status).toBe(429);
    // Windows of 15 minutes are aligned to the epoch: 10:05 → the window ends at 10:15.
    expect(res.headers.get("Retry-After")).toBe("600");
    expect(await res.json()).toEqual({ error: { code: "rate_limited", message: expect.any(String) } });
  });

  it("uses the setup-link window for the setup-link callback", () => {
    const res = rateLimitedAuthResponse("http://x/api/auth/callback/setup-link", redirect("/sign-in?error=CredentialsSignin&code=rate_limited"), now);
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toBe("300");
  });

  it("leaves every other answer alone: wrong passwords, other codes, other endpoints", () => {
    const wrong = redirect("http://x/sign-in?error=CredentialsSignin&code=credentials");
    expect(rateLimitedAuthResponse("http://x/api/auth/callback/staff", wrong, now)).toBe(wrong);
    const other = redirect("http://x/sign-in?error=CredentialsSignin&code=rate_limited");
    expect(rateLimitedAuthResponse("http://x/api/auth/signout", other, now)).toBe(other);
    const ok = new Response("{}", { status: 200 });
    expect(rateLimitedAuthResponse("http://x/api/auth/callback/staff", ok, now)).toBe(ok);
  });
});
