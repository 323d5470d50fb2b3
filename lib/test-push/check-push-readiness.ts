import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { requireApiKey } from "@/lib/api-keys/api-keys";
import { notFound } from "@/lib/errors";
import { getPushReadiness } from "./get-push-readiness";

const companyId = z.string().trim().min(1).max(100);

/**
 * The integrator's backend asks whether a company is push-ready
 * (`GET /api/v1/companies/{id}/push-readiness`): the API key is checked first (401), then the id
 * (ours or Codat's; 404 when it cannot be one).
 */
export async function checkPushReadiness(authorization: string | null, id: string) {
  const db = await getDb();
  await requireApiKey(db, authorization);
  const parsed = companyId.safeParse(id);
  if (!parsed.success) throw notFound("That company");
  return getPushReadiness(db, parsed.data);
}
