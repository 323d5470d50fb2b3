import type { WizardView } from "@/lib/setup/wizard-view";
import type { TestPushView } from "@/lib/test-push/test-push-view";
import type { SetPushInput } from "@/lib/test-push/set-push-schema";
import type { SavableStep } from "@/lib/setup/wizard-step-schemas";

/**
 * The wizard's only way to the server: the app's own JSON API (never Codat). Every failure becomes
 * an ApiError carrying the server's code, message for people, field issues and Retry-After.
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

export type Handoff = { url: string; shortCode: string; shortUrl: string; expiresAt: string; qrSvg: string };
export type SetPushResponse = { pushEnabled: boolean; pushEnabledAt: string | null };

const NETWORK_MESSAGE = "We could not reach the server. Check your internet connection and try again.";

function readFieldIssues(details: unknown): FieldIssue[] {
  if (typeof details !== "object" || details === null || !("fields" in details)) return [];
  const fields = (details as { fields: unknown }).fields;
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((f: unknown) => {
    if (typeof f !== "object" || f === null) return [];
    const { path, message } = f as { path?: unknown; message?: unknown };
    return typeof path === "string" && typeof message === "string" ? [{ path, message }] : [];
  });
}

async function api<T>(url: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      ...init,
      cache: "no-store",
      headers: { Accept: "application/json", ...(init.body !== undefined ? { "Content-Type": "application/json" } : {}), ...init.headers },
    });
  } catch {
    throw new ApiError(0, "network", NETWORK_MESSAGE);
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return body as T;
  const error = typeof body === "object" && body !== null && "error" in body ? (body as { error: Record<string, unknown> }).error : {};
  const retryAfter = Number(res.headers.get("Retry-After"));
  throw new ApiError(
    res.status,
    typeof error.code === "string" ? error.code : "unknown",
    typeof error.message === "string" ? error.message : "Something went wrong on our side. Try again in a moment.",
    readFieldIssues(error.details),
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}

const base = (companyId: string) => `/api/companies/${encodeURIComponent(companyId)}`;

export function fetchSetup(companyId: string): Promise<WizardView> {
  return api<WizardView>(`${base(companyId)}/setup`);
}

export function saveStep(companyId: string, step: SavableStep, body: object): Promise<WizardView> {
  return api<WizardView>(`${base(companyId)}/setup/${step}`, { method: "PUT", body: JSON.stringify(body) });
}

export function createHandoff(companyId: string): Promise<Handoff> {
  return api<Handoff>(`${base(companyId)}/handoff`, { method: "POST" });
}

export function startTestPush(companyId: string, idempotencyKey: string): Promise<TestPushView> {
  return api<TestPushView>(`${base(companyId)}/test-pushes`, { method: "POST", headers: { "Idempotency-Key": idempotencyKey } });
}

export async function fetchLatestTestPush(companyId: string): Promise<TestPushView | null> {
  return (await api<{ testPush: TestPushView | null }>(`${base(companyId)}/test-pushes`)).testPush;
}

export function setPush(companyId: string, body: SetPushInput): Promise<SetPushResponse> {
  return api<SetPushResponse>(`${base(companyId)}/push`, { method: "PUT", body: JSON.stringify(body) });
}

export const setupQueryKey = (companyId: string) => ["setup", companyId] as const;
export const testPushQueryKey = (companyId: string) => ["test-push", companyId] as const;
