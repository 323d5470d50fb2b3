// A minimal HTTP client for the bench: a cookie jar, JSON calls with a time limit, and the sign-ins.
/* global AbortSignal */
import { performance } from "node:perf_hooks";
import { URLSearchParams } from "node:url";

const REQUEST_TIMEOUT_MS = 15_000;

/** Cookies by name, taken from Set-Cookie headers (paths and domains ignored: one host, one app). */
class CookieJar {
  #cookies = new Map();

  take(res) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq < 1) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    return this;
  }

  has(name) {
    return this.#cookies.has(name);
  }

  names() {
    return [...this.#cookies.keys()];
  }

  header() {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

class HttpError extends Error {
  constructor(message, status, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE"]);

/**
 * fetch, retried once for an idempotent request that failed at the socket: after a load test the
 * pooled keep-alive connection may have been closed by the server, which undici reports as
 * "fetch failed" on the next request.
 */
async function fetchOnce(url, { timeoutMs, ...init }) {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const socket = err instanceof TypeError && err.message === "fetch failed" && !(err.cause?.name === "TimeoutError");
    if (!socket || !IDEMPOTENT.has(init.method)) {
      throw new Error(`${init.method} ${url.pathname}: ${err.message}${err.cause ? ` (${err.cause.code ?? err.cause.message})` : ""}`, { cause: err });
    }
    return fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  }
}

/**
 * One request to the bench server. Returns { status, headers, body (parsed JSON when it is JSON, else
 * text), ms }. Throws HttpError when `expect` is given and the status is not in it.
 */
export async function call(base, path, { method = "GET", jar, json, headers = {}, expect, redirect = "manual", timeoutMs = REQUEST_TIMEOUT_MS } = {}) {
  const h = { ...headers };
  if (jar) h.cookie = jar.header();
  let body;
  if (json !== undefined) {
    h["content-type"] = "application/json";
    body = JSON.stringify(json);
  }
  const started = performance.now();
  const res = await fetchOnce(new URL(path, base), { method, headers: h, body, redirect, timeoutMs });
  const text = await res.text();
  const ms = performance.now() - started;
  if (jar) jar.take(res);
  let parsed = text;
  if ((res.headers.get("content-type") ?? "").includes("json") && text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (expect && !expect.includes(res.status)) {
    throw new HttpError(`${method} ${path} answered ${res.status} (expected ${expect.join("/")}): ${text.slice(0, 300)}`, res.status, parsed);
  }
  return { status: res.status, headers: res.headers, body: parsed, ms };
}

/** Signs a staff member in through Auth.js's credentials callback; returns the jar holding the session. */
export async function signInStaff(base, { email, password }) {
  const jar = new CookieJar();
  const csrf = await call(base, "/api/auth/csrf", { jar, expect: [200] });
  const form = new URLSearchParams({ csrfToken: csrf.body.csrfToken, email, password, callbackUrl: "/support" });
  const res = await fetch(new URL("/api/auth/callback/staff", base), {
    method: "POST",
    headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" },
    body: form,
    redirect: "manual",
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  await res.text();
  jar.take(res);
  const location = res.headers.get("location") ?? "";
  if (res.status !== 302 || location.includes("error")) {
    throw new Error(`staff sign-in for ${email} failed: ${res.status} ${location}`);
  }
  return jar;
}

/** Opens a client's setup link (no redirects followed) and returns the jar with the client session. */
export async function openSetupLink(base, setupUrl) {
  const jar = new CookieJar();
  const url = new URL(setupUrl);
  const res = await fetch(new URL(url.pathname, base), { redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  await res.text();
  jar.take(res);
  const location = res.headers.get("location") ?? "";
  if (res.status < 300 || res.status >= 400 || location.includes("link-problem") || jar.names().length === 0) {
    throw new Error(`opening the setup link failed: ${res.status} → ${location} (cookies: ${jar.names().join(", ") || "none"})`);
  }
  return jar;
}
