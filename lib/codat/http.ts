/**
 * The one way this app calls Codat: `codatFetch`, typed by the specs' path templates, with auth,
 * a timeout per attempt, and retries with exponential backoff and full jitter.
 *
 * Retry policy
 * - 429 and 5xx answers, network errors and timeouts are retried, up to `maxAttempts` in all; other
 *   4xx never are.
 * - Retry-After (seconds or an HTTP date) is honoured; when it asks for longer than `maxDelayMs` we
 *   stop and throw `rate_limited` with `retryAfterSeconds`, rather than calling back too early.
 * - Requests that are not idempotent (POST by default: a second try could create a second company,
 *   connection or push) are retried only when Codat cannot have acted on them: 429, 503, or a
 *   connection that was never made. A timeout or a 500 on a POST is thrown at once; the caller can
 *   look at the push history before trying again.
 */
import type { CodatClient, CodatCallEvent } from "./client";
import { CodatError, codatErrorFromResponse } from "./errors";
import { backoffDelayMs, isNotProcessedStatus, isRetryableStatus, parseRetryAfterMs, wasNeverSent } from "./retry";
import type {
  CodatSpecName,
  SpecMethod,
  SpecPath,
  SpecPathParams,
  SpecQuery,
  SpecRequestBody,
  SpecResponse,
} from "./spec-types";

type ParamsField<T> = [T] extends [never] ? { params?: undefined } : { params: T };
type QueryField<T> = [T] extends [never] ? { query?: undefined } : { query?: T };
type BodyField<T> = [T] extends [never] ? { body?: undefined } : { body: T };

export type CodatRequest<S extends CodatSpecName, P extends SpecPath<S>, M extends SpecMethod<S, P>> = {
  /** Which spec defines the operation (its types and, in tests, its contract). */
  spec: S;
  method: M;
  /** The spec's path template; `params` fill its `{placeholders}`. */
  path: P;
  signal?: AbortSignal;
  /** Overrides the client's per-attempt timeout. */
  timeoutMs?: number;
  /** Defaults to true for every method but POST. */
  idempotent?: boolean;
} & ParamsField<SpecPathParams<S, P, M>> &
  QueryField<SpecQuery<S, P, M>> &
  BodyField<SpecRequestBody<S, P, M>>;

type QueryValue = string | number | boolean | null | undefined;

export function buildPath(template: string, params: Record<string, unknown> | undefined): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (typeof value !== "string" && typeof value !== "number") {
      throw new Error(`Codat request: missing path parameter ${name} for ${template}`);
    }
    const text = String(value);
    if (text === "") throw new Error(`Codat request: empty path parameter ${name} for ${template}`);
    return encodeURIComponent(text);
  });
}

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export async function codatFetch<S extends CodatSpecName, P extends SpecPath<S>, M extends SpecMethod<S, P>>(
  client: CodatClient,
  request: CodatRequest<S, P, M>,
): Promise<SpecResponse<S, P, M>> {
  const method = String(request.method).toUpperCase();
  const path = buildPath(request.path, request.params as Record<string, unknown> | undefined);
  const query = buildQuery(request.query as Record<string, QueryValue> | undefined);
  const result = await send(client, {
    method,
    template: request.path,
    path,
    url: `${client.baseUrl}${path}${query}`,
    body: request.body,
    signal: request.signal,
    timeoutMs: request.timeoutMs ?? client.timeoutMs,
    idempotent: request.idempotent ?? method !== "POST",
  });
  // Trust boundary: the body is taken to follow the spec. The reshape functions check the fields
  // we rely on; contract tests check the simulator against the spec.
  return result as SpecResponse<S, P, M>;
}

interface RawRequest {
  method: string;
  template: string;
  path: string;
  url: string;
  body: unknown;
  signal?: AbortSignal;
  timeoutMs: number;
  idempotent: boolean;
}

type Attempt =
  | { ok: true; value: unknown; status: number }
  | { ok: false; error: CodatError; retry: boolean; waitMs?: number };

async function send(client: CodatClient, req: RawRequest): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    const result = await attemptOnce(client, req);
    const last = attempt >= client.maxAttempts;
    const willRetry = !result.ok && result.retry && !last;
    report(client, {
      method: req.method,
      path: req.template,
      attempt,
      status: result.ok ? result.status : (result.error.status ?? null),
      outcome: outcomeOf(result),
      durationMs: Math.round(performance.now() - started),
      willRetry,
    });
    if (result.ok) return result.value;
    if (!willRetry) throw result.error;
    const waitMs = result.waitMs ?? backoffDelayMs(attempt, client.baseDelayMs, client.maxDelayMs, client.random);
    try {
      await client.sleep(waitMs, req.signal);
    } catch (cause) {
      throw cancelled(req, cause);
    }
  }
}

function outcomeOf(result: Attempt): CodatCallEvent["outcome"] {
  if (result.ok) return "success";
  if (result.error.status !== undefined) return "http_error";
  return result.error.code === "timeout" ? "timeout" : "network_error";
}

function report(client: CodatClient, event: CodatCallEvent): void {
  try {
    client.onCall?.(event);
  } catch {
    // A failing counter must not fail the call.
  }
}

function cancelled(req: RawRequest, cause: unknown): CodatError {
  return new CodatError("timeout", { detail: `Codat ${req.method} ${req.path} was cancelled by the caller`, cause });
}

async function attemptOnce(client: CodatClient, req: RawRequest): Promise<Attempt> {
  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  const headers: Record<string, string> = {
    Authorization: client.authorizationHeader(),
    Accept: "application/json",
  };
  if (req.body !== undefined) headers["Content-Type"] = "application/json";

  let response: Response;
  let raw: string;
  try {
    response = await client.fetchImpl(req.url, {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal,
      redirect: "error",
    });
    raw = await response.text();
  } catch (err) {
    if (req.signal?.aborted) return { ok: false, error: cancelled(req, err), retry: false };
    if (timeout.aborted) {
      const error = new CodatError("timeout", {
        detail: `Codat ${req.method} ${req.path} gave no answer within ${req.timeoutMs} ms`,
      });
      return { ok: false, error, retry: req.idempotent };
    }
    const error = new CodatError("upstream_unavailable", {
      detail: client.redact(`Codat ${req.method} ${req.path} failed: ${describeNetworkError(err)}`),
    });
    return { ok: false, error, retry: req.idempotent || wasNeverSent(err) };
  }

  const body = parseJson(raw);
  if (response.ok) {
    if (raw.trim() === "") return { ok: true, value: undefined, status: response.status };
    if (body === undefined) {
      const error = new CodatError("upstream_unavailable", {
        detail: `Codat ${req.method} ${req.path} answered ${response.status} with a body that is not JSON`,
        status: response.status,
      });
      return { ok: false, error, retry: false };
    }
    return { ok: true, value: body, status: response.status };
  }

  const retryAfterMs = parseRetryAfterMs(response.headers.get("retry-after"));
  const error = codatErrorFromResponse(response.status, body ?? raw, {
    method: req.method,
    path: req.path,
    retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
    redact: (text) => client.redact(text),
  });
  let retry = isRetryableStatus(response.status) && (req.idempotent || isNotProcessedStatus(response.status));
  if (retryAfterMs !== undefined && retryAfterMs > client.maxDelayMs) retry = false;
  return { ok: false, error, retry, waitMs: retryAfterMs };
}

function parseJson(raw: string): unknown {
  if (raw.trim() === "") return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function describeNetworkError(err: unknown): string {
  if (!(err instanceof Error)) return "network error";
  const cause = err.cause instanceof Error ? err.cause : undefined;
  const code = (cause as (Error & { code?: unknown }) | undefined)?.code;
  return [err.message, cause?.message, typeof code === "string" ? `(${code})` : ""].filter(Boolean).join(" ");
}
