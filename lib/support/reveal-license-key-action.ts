"use server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { requireActor, requireCompanyAccess } from "@/lib/auth/guards";
import { revealLicenseKey } from "./reveal-license-key";

export type RevealLicenseKeyResult = { ok: true; licenseKey: string } | { ok: false; error: string };

/** "Show license key" on the support company page: checked like an API call, and logged. */
export async function revealLicenseKeyAction(companyId: string): Promise<RevealLicenseKeyResult> {
  if (!z.uuid().safeParse(companyId).success) return { ok: false, error: "That company was not found." };
  try {
    const db = await getDb();
    const actor = await requireActor(db, "company:read");
    const company = await requireCompanyAccess(db, actor, companyId);
    return { ok: true, licenseKey: await revealLicenseKey(db, { company, actor }) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.message };
    throw err;
  }
}
