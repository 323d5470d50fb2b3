import { SETUP_LINK_WINDOW_SECONDS, STAFF_SIGN_IN_WINDOW_SECONDS } from "./attempt-limits";

/** What a refused attempt's CredentialsSignin carries as its `code` (see `rateLimitedCode`). */
const RATE_LIMITED_CODE = "rate_limited";

const TOO_MANY_ATTEMPTS_MESSAGE = "Too many attempts. Wait a little, then try again.";

const WINDOWS: Record<string, number> = {
  staff: STAFF_SIGN_IN_WINDOW_SECONDS,
  "setup-link": SETUP_LINK_WINDOW_SECONDS,
};

/**
 * The code for a limited attempt, carrying the wait the limiter computed: limits count over sliding
 * windows, so the wait is not "until the window's end" and cannot be worked out afterwards.
 */
export function rateLimitedCode(retryAfterSeconds: number): string {
  return `${RATE_LIMITED_CODE}-${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

/** The wait a rate-limited code carries; without one, the longest a sliding window can ask (two windows). */
function retryAfterOf(code: string | null, windowSeconds: number): number | undefined {
  const match = /^rate_limited(?:-(\d{1,7}))?$/.exec(code ?? "");
  if (!match) return undefined;
  return match[1] ? Number(match[1]) : 2 * windowSeconds;
}

/**
 * Auth.js answers a refused credentials sign-in with a redirect to the sign-in page carrying
 * `code=<reason>`. For a rate-limited attempt on its HTTP API (`POST /api/auth/callback/<provider>`)
 * this turns that redirect into `429 { error: { code: "rate_limited", message } }` with Retry-After.
 * The staff form goes through a server action instead, where any refusal reads "Wrong email or
 * password." — the form never tells a limited attempt apart.
 */
export function rateLimitedAuthResponse(requestUrl: string, response: Response): Response {
  const location = response.headers.get("location");
  if (!location || response.status < 300 || response.status >= 400) return response;
  const provider = /\/api\/auth\/callback\/([\w-]+)$/.exec(new URL(requestUrl).pathname)?.[1];
  const windowSeconds = provider ? WINDOWS[provider] : undefined;
  if (!windowSeconds) return response;
  let code: string | null = null;
  try {
    code = new URL(location, requestUrl).searchParams.get("code");
  } catch {
    return response;
  }
  const retryAfterSeconds = retryAfterOf(code, windowSeconds);
  if (retryAfterSeconds === undefined) return response;
  return Response.json(
    { error: { code: RATE_LIMITED_CODE, message: TOO_MANY_ATTEMPTS_MESSAGE } },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}
