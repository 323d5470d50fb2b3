import { forbidden, redirect } from "next/navigation";
import { AppError, notFound } from "@/lib/errors";
import type { Db } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import { getStaffById } from "@/lib/db/queries/staff";
import { getSetupLink } from "@/lib/db/queries/setup-links";
import { getCompany, type CompanyRow } from "@/lib/db/queries/companies";
import { checkLink } from "@/lib/setup-links/resolve-setup-link";
import { cookies } from "next/headers";
import { getEnv } from "@/lib/env";
import { readSessionClaims } from "./session-claims";
import type { Actor } from "./actor";
import { can, type Permission } from "./permissions";

/**
 * The session's actor, re-checked against the database: a deactivated or changed staff account,
 * or a replaced or expired setup link, no longer counts.
 */
export async function getActor(db?: Db): Promise<Actor | null> {
  const env = getEnv();
  const claims = await readSessionClaims(await cookies(), env.AUTH_SECRET, env.strict);
  if (!claims) return null;
  const conn = db ?? (await getDb());
  if (claims.kind === "staff") {
    const user = await getStaffById(conn, claims.userId);
    if (!user || !user.active || user.sessionVersion !== claims.sessionVersion) return null;
    return { type: "staff", id: user.id, role: user.role, name: user.name, email: user.email };
  }
  const check = checkLink(await getSetupLink(conn, claims.linkId));
  if (!check.ok || check.link.companyId !== claims.companyId) return null;
  return { type: "client", role: "client", companyId: claims.companyId, linkId: claims.linkId };
}

/** API guard: 401 without a valid session, 403 without the permission. */
export async function requireActor(db: Db, permission?: Permission): Promise<Actor> {
  const actor = await getActor(db);
  if (!actor) throw new AppError("unauthorized", "Sign in to continue.");
  if (permission && !can(actor.role, permission)) {
    throw new AppError("forbidden", "Your account is not allowed to do this.");
  }
  return actor;
}

/** A client may only ever see its own company: any other id is "not found" (the record is not read). */
export function assertCompanyInScope(actor: Actor, companyId: string): void {
  if (actor.type === "client" && actor.companyId !== companyId) throw notFound("That company");
}

/** A company the actor may see: a client sees only its own; anything else is "not found". */
export async function requireCompanyAccess(db: Db, actor: Actor, companyId: string): Promise<CompanyRow> {
  assertCompanyInScope(actor, companyId);
  const company = await getCompany(db, companyId);
  if (!company) throw notFound("That company");
  return company;
}

/** Page guard: redirects to sign-in without a session, renders the 403 page without the permission. */
export async function requirePageActor(permission: Permission, returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(actor.role, permission)) forbidden();
  return actor;
}
