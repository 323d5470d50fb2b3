import { listKeys } from "@/lib/api-keys/api-keys";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { getCompany } from "@/lib/db/queries/companies";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { listSetups, type SetupListPage } from "./list-setups";
import { readSupportListParams, type SupportListQuery } from "./support-list-schema";
import { loadCompanyDetail, type CompanyDetail } from "./load-company-detail";
import { listStaffAccounts } from "./list-staff-accounts";
import { loadSettings } from "./load-settings";
import type { StaffView } from "./invite-staff";
import type { SettingsView } from "./save-settings";

/**
 * What the support pages read, behind one call each: pages stay thin and never touch the database.
 * The pages call their guard (requirePageActor) before any of these.
 */
export async function loadSupportListPage(
  params: Record<string, string | string[] | undefined>,
): Promise<{ query: SupportListQuery; corrected: boolean; list: SetupListPage }> {
  const { query, corrected } = readSupportListParams(params);
  return { query, corrected, list: await listSetups(await getDb(), query) };
}

/** A company for a staff member, or null (a page answers 404). */
export async function loadSupportCompanyPage(actor: Actor, id: string, before?: string): Promise<CompanyDetail | null> {
  if (actor.type !== "staff" || !z.uuid().safeParse(id).success) return null;
  const db = await getDb();
  const company = await getCompany(db, id);
  if (!company) return null;
  const older = before && /^\d{1,15}$/.test(before) ? Number(before) : undefined;
  return loadCompanyDetail(db, company, { before: older });
}

export async function loadAdminPage(actor: Actor) {
  const db = await getDb();
  const manageSettings = can(actor.role, "settings:manage");
  const [staff, settings, apiKeys] = await Promise.all([
    can(actor.role, "staff:manage") ? listStaffAccounts(db) : null,
    manageSettings ? loadSettings(db) : null,
    manageSettings ? listKeys(db) : null,
  ]);
  return {
    staff: staff as StaffView[] | null,
    settings: settings as SettingsView | null,
    apiKeys: apiKeys?.map((k) => ({ ...k, createdAt: k.createdAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null })) ?? null,
  };
}
