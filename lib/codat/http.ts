/**
 * The one way this app calls Codat: `codatCall`, around the typed clients openapi-fetch builds from
 * the generated specs (paths, parameters, bodies and answers checked by the compiler), with auth, a
 * timeout per attempt, and retries with exponential backoff and full jitter.
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
 * - An answer longer than the client's `maxResponseBytes` is refused as it streams in
 *   (`upstream_unavailable`), and not retried: a second try would most likely be as long.
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { CodatClient, CodatCallEvent } from "./client";
import { CodatError, codatErrorFromResponse } from "./errors";
import type { paths as PayablesPaths } from "./generated/payables";
import type { paths as PlatformPaths } from "./generated/platform";
import { backoffDelayMs, isNotProcessedStatus, isRetryableStatus, parseRetryAfterMs, wasNeverSent } from "./retry";
import { readLimitedBytes } from "@/lib/http/read-limited-text";

/** One typed client per spec, by the name used throughout the adapter and the validator. */
interface CodatApis {
  platform: Client<PlatformPaths>;
  payables: Client<PayablesPaths>;
}

/** What each attempt hands to openapi-fetch: spread it into the call's options. */
interface AttemptOptions {
  fetch: (request: Request) => Promise<Response>;
  signal: AbortSignal;
  headers: Record<string, string>;
  redirect: "error";
  pathSerializer: (url: string, params: Record<string, unknown>) => string;
  middleware: Middleware[];
}

/** A call through one of the typed clients, e.g. `(api, o) => api.platform.GET("/companies", { ...o })`. */
export type CodatCall<R extends ApiResult> = (api: CodatApis, options: AttemptOptions) => Promise<R>;
type ApiResult = { data?: unknown; error?: unknown; response: Response };

export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the client's per-attempt timeout. */
  timeoutMs?: number;
  /** Defaults to true for every method but POST. */
  idempotent?: boolean;
}

/**
 * Fills the `{placeholders}` of a path, refusing a missing or empty one (openapi-fetch would leave
 * it in the URL, or call the collection instead of the record).
 */
function buildPath(template: string, params: Record<string, unknown> | undefined): string {
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

const apisByClient = new WeakMap<CodatClient, CodatApis>();

function apisFor(client: CodatClient): CodatApis {
  let apis = apisByClient.get(client);
  if (!apis) {
    const options = { baseUrl: client.baseUrl, fetch: (request: Request) => client.fetchImpl(request) };
    apis = { platform: createClient<PlatformPaths>(options), payables: createClient<PayablesPaths>(options) };
    apisByClient.set(client, apis);
  }
  return apis;
}

export async function codatCall<R extends ApiResult>(
  client: CodatClient,
  call: CodatCall<R>,
  options: CallOptions = {},
): Promise<NonNullable<Awaited<R>["data"]>> {
  const value = await send(client, call, options);
  // Trust boundary: the body is taken to follow the spec. The reshape functions check the fields
  // we rely on; contract tests check the simulator against the spec.
  return value as NonNullable<Awaited<R>["data"]>;
}

/** What one attempt saw of its request, from openapi-fetch's middleware. */
interface Seen {
  method?: string;
  /** The spec's path template (safe for metrics). */
  template?: string;
  /** The path sent, ids filled in (for error details, which are redacted before logging). */
  path?: string;
  status?: number;
}

type Attempt =
  | { ok: true; value: unknown; status: number }
  | { ok: false; error: CodatError; retry: boolean; waitMs?: number };

async function send(client: CodatClient, call: CodatCall<ApiResult>, options: CallOptions): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    const seen: Seen = {};
    const result = await attemptOnce(client, call, options, seen);
    const last = attempt >= client.maxAttempts;
    const willRetry = !result.ok && result.retry && !last;
    report(client, {
      method: seen.method ?? "?",
      path: seen.template ?? "?",
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
      await client.sleep(waitMs, options.signal);
    } catch (cause) {
      throw cancelled(seen, cause);
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

const describeCall = (seen: Seen) => `Codat ${seen.method ?? "?"} ${seen.path ?? seen.template ?? "?"}`;
/** The call by its spec template (no ids), for errors kept as evidence. */
const operationOf = (seen: Seen) => (seen.template ? `${seen.method ?? "?"} ${seen.template}` : undefined);

function cancelled(seen: Seen, cause: unknown): CodatError {
  return new CodatError("timeout", { detail: `${describeCall(seen)} was cancelled by the caller`, operation: operationOf(seen), cause });
}

async function attemptOnce(client: CodatClient, call: CodatCall<ApiResult>, options: CallOptions, seen: Seen): Promise<Attempt> {
  const timeoutMs = options.timeoutMs ?? client.timeoutMs;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const observe: Middleware = {
    onRequest({ request, schemaPath }) {
      seen.method = request.method;
      seen.template = schemaPath;
      seen.path = request.url.slice(client.baseUrl.length).split("?")[0];
    },
    onResponse({ response }) {
      seen.status = response.status;
    },
  };
  const attempt: AttemptOptions = {
    fetch: async (request) => readCapped(await client.fetchImpl(request), client.maxResponseBytes),
    signal,
    headers: { Authorization: client.authorizationHeader(), Accept: "application/json" },
    redirect: "error",
    pathSerializer: buildPath,
    middleware: [observe],
  };
  const idempotent = () => options.idempotent ?? seen.method !== "POST";

  let result: ApiResult;
  try {
    result = await call(apisFor(client), attempt);
  } catch (err) {
    // Thrown before anything was sent (a missing path parameter): a mistake of ours, not Codat's.
    if (seen.method === undefined) throw err;
    if (options.signal?.aborted) return { ok: false, error: cancelled(seen, err), retry: false };
    if (timeout.aborted) {
      const error = new CodatError("timeout", { detail: `${describeCall(seen)} gave no answer within ${timeoutMs} ms`, operation: operationOf(seen) });
      return { ok: false, error, retry: idempotent() };
    }
    if (err instanceof AnswerTooLarge) {
      const error = new CodatError("upstream_unavailable", {
        detail: `${describeCall(seen)} answered ${err.status} with more than ${err.limit} bytes`,
        operation: operationOf(seen),
        status: err.status,
      });
      return { ok: false, error, retry: false };
    }
    if (err instanceof SyntaxError && seen.status !== undefined) {
      const error = new CodatError("upstream_unavailable", {
        detail: `${describeCall(seen)} answered ${seen.status} with a body that is not JSON`,
        operation: operationOf(seen),
        status: seen.status,
      });
      return { ok: false, error, retry: false };
    }
    const error = new CodatError("upstream_unavailable", {
      detail: client.redact(`${describeCall(seen)} failed: ${describeNetworkError(err)}`),
      operation: operationOf(seen),
    });
    return { ok: false, error, retry: idempotent() || wasNeverSent(err) };
  }

  const { response } = result;
  if (response.ok) return { ok: true, value: result.data, status: response.status };

  const retryAfterMs = parseRetryAfterMs(response.headers.get("retry-after"));
  // openapi-fetch hands back the error body parsed as JSON, or as text when it is not JSON.
  const error = codatErrorFromResponse(response.status, result.error ?? "", {
    method: seen.method ?? "?",
    path: seen.path ?? "?",
    template: seen.template,
    retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
    redact: (text) => client.redact(text),
  });
  let retry = isRetryableStatus(response.status) && (idempotent() || isNotProcessedStatus(response.status));
  if (retryAfterMs !== undefined && retryAfterMs > client.maxDelayMs) retry = false;
  return { ok: false, error, retry, waitMs: retryAfterMs };
}

class AnswerTooLarge extends Error {
  constructor(
    readonly status: number,
    readonly limit: number,
  ) {
    super(`answer larger than ${limit} bytes`);
  }
}

/**
 * Reads the answer's body as it streams in, within the attempt's timeout, and stops past `limit`
 * bytes; hands openapi-fetch the same answer with the body in memory.
 */
async function readCapped(response: Response, limit: number): Promise<Response> {
  if (!response.body) return response;
  const body = await readLimitedBytes(response.body, limit, () => new AnswerTooLarge(response.status, limit));
  return new Response(body.byteLength === 0 ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function describeNetworkError(err: unknown): string {
  if (!(err instanceof Error)) return "network error";
  const cause = err.cause instanceof Error ? err.cause : undefined;
  const code = (cause as (Error & { code?: unknown }) | undefined)?.code;
  return [err.message, cause?.message, typeof code === "string" ? `(${code})` : ""].filter(Boolean).join(" ");
}
