import type { WizardView } from "@/lib/setup/wizard-view";
import type { LatestTestPushResponse, TestPushResponse, TestPushView } from "@/lib/test-push/test-push-view";
import { fetchJson } from "@/components/api/fetch-json";
import type { SetPushInput } from "@/lib/test-push/set-push-schema";
import type { SavableStep } from "@/lib/setup/wizard-step-schemas";

/** The wizard's calls to the app's own JSON API; failures are ApiErrors (components/api/fetch-json.ts). */
export type Handoff = { url: string; shortCode: string; shortUrl: string; expiresAt: string; qrSvg: string };
export type SetPushResponse = { pushEnabled: boolean; pushEnabledAt: string | null };

const base = (companyId: string) => `/api/companies/${encodeURIComponent(companyId)}`;

export function fetchSetup(companyId: string): Promise<WizardView> {
  return fetchJson<WizardView>(`${base(companyId)}/setup`);
}

export function saveStep(companyId: string, step: SavableStep, body: object): Promise<WizardView> {
  return fetchJson<WizardView>(`${base(companyId)}/setup/${step}`, { method: "PUT", body });
}

export function createHandoff(companyId: string): Promise<Handoff> {
  return fetchJson<Handoff>(`${base(companyId)}/handoff`, { method: "POST" });
}

export async function startTestPush(companyId: string, idempotencyKey: string): Promise<TestPushView> {
  const started = await fetchJson<TestPushResponse>(`${base(companyId)}/test-pushes`, { method: "POST", headers: { "Idempotency-Key": idempotencyKey } });
  return started.testPush;
}

export async function fetchLatestTestPush(companyId: string): Promise<TestPushView | null> {
  return (await fetchJson<LatestTestPushResponse>(`${base(companyId)}/test-pushes`)).testPush;
}

export function setPush(companyId: string, body: SetPushInput): Promise<SetPushResponse> {
  return fetchJson<SetPushResponse>(`${base(companyId)}/push`, { method: "PUT", body });
}

export const setupQueryKey = (companyId: string) => ["setup", companyId] as const;
export const testPushQueryKey = (companyId: string) => ["test-push", companyId] as const;
