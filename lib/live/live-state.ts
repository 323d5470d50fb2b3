import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { getCompany } from "@/lib/db/queries/companies";
import { readLatestTestPush } from "@/lib/db/queries/latest-test-push";
import { loadWizard } from "@/lib/setup/load-wizard";
import { toWizardView, type WizardView } from "@/lib/setup/wizard-view";
import { toTestPushView, type TestPushView } from "@/lib/test-push/test-push-view";

/**
 * What a watching page is sent: the same `{ testPush }` the status route answers and the same wizard
 * view as `GET …/setup`, read as they are in the database (nothing is asked of Codat here).
 */
export type LiveState = { testPush: TestPushView | null; setup: WizardView };

/** The company's live state, or null when it no longer exists. */
export async function readLiveState(db: Db, companyId: string): Promise<LiveState | null> {
  const [read, company] = await Promise.all([readLatestTestPush(db, companyId), getCompany(db, companyId)]);
  if (!read || !company) return null;
  const testPush = read.testPush ? toTestPushView(read.testPush, read.company, read.setup) : null;
  return { testPush, setup: await toWizardView(db, await loadWizard(db, company)) };
}

/**
 * The event id of a state: a digest of what it says, leaving out the running clock (`elapsedMs`), so
 * equal states have equal ids and any change gives a new one (docs/decisions/021).
 */
export function liveStateId(state: LiveState): string {
  const json = JSON.stringify(state, (key, value: unknown) => (key === "elapsedMs" ? undefined : value));
  return createHash("sha256").update(json).digest("base64url").slice(0, 22);
}
