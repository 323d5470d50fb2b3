/** What the console's action buttons get back from our own JSON API. */
export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; code: string; message: string; fields: Record<string, string> };

type ErrorBody = { error?: { code?: string; message?: string; details?: { fields?: { path?: string; message?: string }[] } } };

/** fetch with JSON in and out, and the API's error shape turned into a message and per-field messages. */
export async function callApi<T>(
  url: string,
  init: { method: "POST" | "PUT" | "PATCH" | "DELETE"; body?: unknown; headers?: Record<string, string> },
): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method,
      headers: { ...(init.body !== undefined ? { "Content-Type": "application/json" } : {}), ...init.headers },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, status: 0, code: "network", message: "The server could not be reached. Check your connection and try again.", fields: {} };
  }
  const json: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, data: json as T };
  const error = (json as ErrorBody | null)?.error;
  const fields: Record<string, string> = {};
  for (const f of error?.details?.fields ?? []) {
    if (f.path && f.message && !(f.path in fields)) fields[f.path.split(".")[0] ?? f.path] = f.message;
  }
  if (res.status === 401) {
    return { ok: false, status: 401, code: "unauthorized", message: "Your session has ended. Sign in again to continue.", fields };
  }
  return {
    ok: false,
    status: res.status,
    code: error?.code ?? "error",
    message: error?.message ?? `The request failed (HTTP ${res.status}).`,
    fields,
  };
}
