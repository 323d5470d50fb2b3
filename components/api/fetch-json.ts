/**
 * The browser's one way to the app's own JSON API (never Codat): JSON in and out, and every failure
 * an ApiError carrying what the server said in its `{ error: { code, message, details } }` body, the
 * field issues of a refused form and Retry-After. A request that never got an answer is status 0.
 */
export type FieldIssue = { path: string; message: string };

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldIssue[] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

export type FetchJsonInit = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON, or as it is when it is a Blob (a file's bytes); leave out for no body. */
  body?: unknown;
  headers?: Record<string, string>;
};

export const NETWORK_MESSAGE = "We could not reach the server. Check your internet connection and try again.";
const SERVER_MESSAGE = "Something went wrong on our side. Try again in a moment.";

export async function fetchJson<T>(url: string, init: FetchJsonInit = {}): Promise<T> {
  const hasBody = init.body !== undefined;
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? "GET",
      cache: "no-store",
      credentials: "same-origin",
      headers: { Accept: "application/json", ...(hasBody ? { "Content-Type": init.body instanceof Blob ? "application/octet-stream" : "application/json" } : {}), ...init.headers },
      body: hasBody ? (init.body instanceof Blob ? init.body : JSON.stringify(init.body)) : undefined,
    });
  } catch {
    throw new ApiError(0, "network", NETWORK_MESSAGE);
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return body as T;
  throw toApiError(res, body);
}

function toApiError(res: Response, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const retryAfter = Number(res.headers.get("Retry-After"));
  return new ApiError(
    res.status,
    typeof error.code === "string" ? error.code : "unknown",
    typeof error.message === "string" ? error.message : SERVER_MESSAGE,
    readFieldIssues(error.details),
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}

function readFieldIssues(details: unknown): FieldIssue[] {
  if (!isRecord(details) || !Array.isArray(details.fields)) return [];
  return details.fields.flatMap((f: unknown) =>
    isRecord(f) && typeof f.path === "string" && typeof f.message === "string" ? [{ path: f.path, message: f.message }] : [],
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
