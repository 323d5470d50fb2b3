import { ApiError, fetchJson, type FetchJsonInit } from "@/components/api/fetch-json";

/** What the console's action buttons get back from our own JSON API. */
export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; code: string; message: string; fields: Record<string, string> };

/**
 * fetchJson's answer as a result the console's buttons show rather than an error they catch: a
 * refusal becomes a message and one message per form field (the first issue of each).
 */
export async function callApi<T>(url: string, init: FetchJsonInit & { method: "POST" | "PUT" | "PATCH" | "DELETE" }): Promise<ApiResult<T>> {
  try {
    return { ok: true, data: await fetchJson<T>(url, init) };
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const fields: Record<string, string> = {};
    for (const f of err.fields) {
      const field = f.path.split(".")[0] ?? f.path;
      if (!(field in fields)) fields[field] = f.message;
    }
    const message = err.status === 401 ? "Your session has ended. Sign in again to continue." : err.message;
    return { ok: false, status: err.status, code: err.status === 401 ? "unauthorized" : err.code, message, fields };
  }
}
