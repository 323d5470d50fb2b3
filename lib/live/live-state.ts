import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { getCompany } from "@/lib/db/queries/companies";
import { loadWizard } from "@/lib/setup/load-wizard";
import { toWizardView, type WizardView } from "@/lib/setup/wizard-view";
import { toTestPushView, type TestPushView } from "@/lib/test-push/test-push-view";

/**
 * What a watching page is sent: the same `{ testPush }` the status route answers and the same wizard
 * view as `GET …/setup`, read as they are in the database (nothing is asked of Codat here).
 */
export type LiveState = { testPush: TestPushView | null; setup: WizardView };

/** The company's live state (four small queries), or null when it no longer exists. */
export async function readLiveState(db: Db, companyId: string): Promise<LiveState | null> {
  const company = await getCompany(db, companyId);
  if (!company) return null;
  const wizard = await loadWizard(db, company);
  const { latestTestPush, progress } = wizard;
  const setupFacts = { pushUsername: progress.pushUsername, everydayUsernames: progress.everydayUsernames };
  return {
    testPush: latestTestPush ? toTestPushView(latestTestPush, company, setupFacts) : null,
    setup: await toWizardView(db, wizard),
  };
}

/** A state as sent: its id and the whole server-sent event, encoded once for every stream that gets it. */
export type LiveUpdate = { id: string; state: LiveState; message: Uint8Array };

const encoder = new TextEncoder();

/**
 * The event id of a state is a digest of what it says, leaving out the running clock (`elapsedMs`),
 * so equal states have equal ids and any change gives a new one (docs/decisions/021).
 */
export function toLiveUpdate(state: LiveState): LiveUpdate {
  const stable = JSON.stringify(state, (key, value: unknown) => (key === "elapsedMs" ? undefined : value));
  const id = createHash("sha256").update(stable).digest("base64url").slice(0, 22);
  return { id, state, message: encoder.encode(`id: ${id}\nevent: state\ndata: ${JSON.stringify(state)}\n\n`) };
}
