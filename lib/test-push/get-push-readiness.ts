import type { Db } from "@/lib/db/client";
import { findCompanyByAnyId, type CompanyRow } from "@/lib/db/queries/companies";
import { getLatestTestPush, type TestPushRow } from "@/lib/db/queries/test-pushes";
import { getProgress, type ProgressRow } from "@/lib/db/queries/progress";
import { getSettings } from "@/lib/db/queries/settings";
import { pushReadiness, type PushReadiness } from "@/lib/sage/readiness";
import { notFound } from "@/lib/errors";

/** For the integrator's backend: is this company (ours or Codat's id) push-ready, and if not, why. */
export async function getPushReadiness(db: Db, id: string) {
  const company = await findCompanyByAnyId(db, id);
  if (!company) throw notFound("That company");
  const { readiness, latest } = await loadPushReadiness(db, company);
  return {
    companyId: company.id,
    codatCompanyId: company.codatCompanyId,
    connectionId: company.codatConnectionId,
    ...readiness,
    lastTestPush: latest ? { status: latest.status, completedAt: latest.completedAt?.toISOString() ?? null } : null,
  };
}

/** A company's push readiness, with the rows it was decided from. */
export async function loadPushReadiness(
  db: Db,
  company: CompanyRow,
): Promise<{ readiness: PushReadiness; latest: TestPushRow | null; progress: ProgressRow }> {
  const [latest, progress, settings] = await Promise.all([getLatestTestPush(db, company.id), getProgress(db, company.id), getSettings(db)]);
  const readiness = pushReadiness({
    connectionStatus: company.connectionStatus,
    currentConnectionId: company.codatConnectionId,
    latestTestPush: latest ? { status: latest.status, connectionId: latest.connectionId, diagnosisCode: latest.diagnosisCode } : null,
    baseCurrency: company.baseCurrency,
    pushCurrencies: settings.pushCurrencies,
    foreignTraderConfirmed: progress.foreignTraderConfirmedAt !== null,
    pushEnabled: company.pushEnabled,
  });
  return { readiness, latest: latest ?? null, progress };
}
