import { describe, expect, it } from "vitest";
import { rateLimitedAuthResponse, rateLimitedCode } from "./auth-rate-limit";

const redirect = (location: string) => new Response(null, { status: 302, headers: { Location: location } });
const limited = (seconds: number) => `http://x/sign-in?error=CredentialsSignin&code=${rateLimitedCode(seconds)}`;

describe("rateLimitedAuthResponse", () => {
  it("turns Auth.js's redirect for a limited staff attempt into 429 with the limiter's own Retry-After", async () => {
    // Sliding windows: the wait can run past the current window's end (here 16½ minutes of a 15-minute window).
    const res = rateLimitedAuthResponse("http://x/api/auth/callback/staff", redirect(limited(990)));
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toBe("990");
    expect(await res.json()).toEqual({ error: { code: "rate_limited", message: expect.any(String) } });
  });

  it("does the same for the setup-link callback, rounding the wait up to whole seconds", () => {
    const res = rateLimitedAuthResponse("http://x/api/auth/callback/setup-link", redirect(limited(12.2)));
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toBe("13");
  });

  it("without a wait in the code, asks for the longest a sliding window can: two windows", () => {
    const staff = rateLimitedAuthResponse("http://x/api/auth/callback/staff", redirect("/sign-in?error=CredentialsSignin&code=rate_limited"));
    expect(staff.headers.get("Retry-After")).toBe(String(2 * 15 * 60));
    const link = rateLimitedAuthResponse("http://x/api/auth/callback/setup-link", redirect("/sign-in?error=CredentialsSignin&code=rate_limited"));
    expect(link.headers.get("Retry-After")).toBe(String(2 * 10 * 60));
  });

  it("leaves every other answer alone: wrong passwords, other codes, other endpoints", () => {
    const wrong = redirect("http://x/sign-in?error=CredentialsSignin&code=credentials");
    expect(rateLimitedAuthResponse("http://x/api/auth/callback/staff", wrong)).toBe(wrong);
    const lookalike = redirect("http://x/sign-in?error=CredentialsSignin&code=rate_limited-soon");
    expect(rateLimitedAuthResponse("http://x/api/auth/callback/staff", lookalike)).toBe(lookalike);
    const other = redirect(limited(60));
    expect(rateLimitedAuthResponse("http://x/api/auth/signout", other)).toBe(other);
    const ok = new Response("{}", { status: 200 });
    expect(rateLimitedAuthResponse("http://x/api/auth/callback/staff", ok)).toBe(ok);
  });
});
