import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCompanyInScope, requireCompanyAccess } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

export const companyParams = z.object({ id: z.uuid() });

/** Staff need `company:read`; a client only reaches its own company. Nothing is read. */
export function assertMayReadCompany(actor: Actor, id: string): void {
  if (actor.type === "staff" && !can(actor.role, "company:read")) {
    throw new AppError("forbidden", "Your account is not allowed to see companies.");
  }
  assertCompanyInScope(actor, id);
}

/** The company a request is about: a client's own, or any for staff who may read companies. */
export async function companyFor(db: Db, actor: Actor, id: string) {
  assertMayReadCompany(actor, id);
  return requireCompanyAccess(db, actor, id);
}
