import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { getCodat } from "@/lib/codat/config";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createSetup } from "./create-setup";
import type { createSetupSchema } from "./create-setup-schema";

/**
 * Support creates a setup (`POST /api/companies`): the Codat company and its Sage 50 connection,
 * our record and a setup link, answered with what the console shows.
 */
export async function createSetupForStaff(db: Db, actor: Actor, input: z.output<typeof createSetupSchema>) {
  if (actor.type !== "staff") throw new AppError("forbidden", "Only staff create setups.");
  const { company, setupLink } = await createSetup(db, getCodat(), { ...input, actor, appUrl: getEnv().APP_URL });
  return {
    company: { id: company.id, name: company.name, codatCompanyId: company.codatCompanyId, connectionStatus: company.connectionStatus },
    setupLink: { url: setupLink.url, shortCode: setupLink.shortCode, expiresAt: setupLink.expiresAt.toISOString() },
  };
}
