import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requireCompanyAccess } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

export const companyParams = z.object({ id: z.uuid() });

/** The company a request is about: a client's own, or any for staff who may read companies. */
export async function companyFor(db: Db, actor: Actor, id: string) {
  if (actor.type === "staff" && !can(actor.role, "company:read")) {
    throw new AppError("forbidden", "Your account is not allowed to see companies.");
  }
  return requireCompanyAccess(db, actor, id);
}
