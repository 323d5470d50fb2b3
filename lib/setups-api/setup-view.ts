import type { Db } from "@/lib/db/client";
import type { CompanyRow } from "@/lib/db/queries/companies";
import type { IssuedSetupLink } from "@/lib/setup-links/issue-setup-link";
import { loadPushReadiness } from "@/lib/test-push/get-push-readiness";
import { stepReached, wizardFactsFrom } from "@/lib/support/step-reached";
import { apiSetupStatus } from "@/lib/sage/api-setup-status";
import type { ApiSetup, ApiSetupLink } from "./api-v1-schemas";

/** A setup as `/api/v1` answers it: state, step reached, push readiness and push health (as stored on the company). */
export async function loadApiSetup(db: Db, company: CompanyRow): Promise<ApiSetup> {
  const { readiness, latest, progress } = await loadPushReadiness(db, company);
  const facts = wizardFactsFrom({
    flow: company.flow,
    connectionStatus: company.connectionStatus,
    pushEnabled: company.pushEnabled,
    progress,
    // Only the newest push overall can be "the latest on the current connection".
    latestTestPushOnCurrentConnection: latest && latest.connectionId === company.codatConnectionId ? { status: latest.status } : null,
  });
  return {
    id: company.id,
    companyId: company.id,
    externalId: company.externalId,
    name: company.name,
    contactEmail: company.contactEmail,
    flow: company.flow,
    codatCompanyId: company.codatCompanyId,
    connectionStatus: company.connectionStatus,
    status: apiSetupStatus(readiness),
    stepReached: stepReached(facts),
    pushReadiness: readiness,
    health: { state: company.pushHealthState, cause: company.pushHealthCause, since: company.pushHealthSince?.toISOString() ?? null },
    createdAt: company.createdAt.toISOString(),
    lastActivityAt: company.lastActivityAt.toISOString(),
  };
}

export function apiSetupLink(link: IssuedSetupLink): ApiSetupLink {
  return { url: link.url, shortCode: link.shortCode, expiresAt: link.expiresAt.toISOString() };
}
