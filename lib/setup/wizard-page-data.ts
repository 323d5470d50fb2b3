import "server-only";
import { forbidden, notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/guards";
import { getDb } from "@/lib/db/client";
import { getCompany } from "@/lib/db/queries/companies";
import { loadWizard } from "./load-wizard";
import { toWizardView, type WizardView } from "./wizard-view";
import { loadPushHealth } from "@/lib/push-health/load-push-health";
import { toPushHealthJson, type PushHealthJson } from "@/lib/push-health/push-health-json";

/**
 * The signed-in client's wizard state, for the /setup pages. Staff have no wizard of their own
 * (403); a company that vanished answers 404.
 */
export async function loadClientWizardView(returnTo: string): Promise<WizardView> {
  const actor = await requirePageActor("setup:own", returnTo);
  if (actor.type !== "client") forbidden();
  const db = await getDb();
  const company = await getCompany(db, actor.companyId);
  if (!company) notFound();
  return toWizardView(db, await loadWizard(db, company));
}

/**
 * The signed-in client's push health, for /setup/health: state, cause, counts and the 30 days; no
 * Codat evidence (support's only). Always the session's own company.
 */
export async function loadClientPushHealth(returnTo: string): Promise<PushHealthJson | null> {
  const actor = await requirePageActor("setup:own", returnTo);
  if (actor.type !== "client") forbidden();
  const view = await loadPushHealth(await getDb(), actor.companyId);
  return view ? toPushHealthJson(view, { evidence: false }) : null;
}
