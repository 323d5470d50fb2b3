import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { AppError, notFound, unauthorized } from "@/lib/errors";
import type { Db } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import { readSessionRecord, type SessionRecord, type SessionRef } from "@/lib/db/queries/session-records";
import { getCompany, type CompanyRow } from "@/lib/db/queries/companies";
import { checkLink } from "@/lib/setup-links/resolve-setup-link";
import { getEnv } from "@/lib/env";
import { readSessionClaims } from "./session-claims";
import type { SessionClaims } from "./auth.config";
import type { Actor } from "./actor";
import { can, type Permission } from "./permissions";

/** The signed-in session's claims (not yet checked against the database), or null. */
async function getSessionClaims(): Promise<SessionClaims | null> {
  const env = getEnv();
  return readSessionClaims(await cookies(), env.AUTH_SECRET, env.strict);
}

/** The session's claims, or 401: for routes that check the session against the database themselves. */
export async function requireSessionClaims(): Promise<SessionClaims> {
  const claims = await getSessionClaims();
  if (!claims) throw unauthorized();
  return claims;
}

/** The database row a session stands on: its staff account or its setup link. */
export function sessionRef(claims: SessionClaims): SessionRef {
  return claims.kind === "staff" ? { userId: claims.userId } : { linkId: claims.linkId };
}

/**
 * The actor a session stands for, given what the database says of it: a deactivated or changed
 * staff account, or a replaced or expired setup link, no longer counts.
 */
export function actorFor(claims: SessionClaims, record: SessionRecord): Actor | null {
  if (claims.kind === "staff") {
    const user = record.user;
    if (!user || !user.active || user.sessionVersion !== claims.sessionVersion) return null;
    return { type: "staff", id: user.id, role: user.role, name: user.name, email: user.email };
  }
  const check = checkLink(record.link);
  if (!check.ok || check.link.companyId !== claims.companyId) return null;
  return { type: "client", role: "client", companyId: claims.companyId, linkId: claims.linkId };
}

/** The session's actor, re-checked against the database. */
export async function getActor(db?: Db): Promise<Actor | null> {
  const claims = await getSessionClaims();
  if (!claims) return null;
  return actorFor(claims, await readSessionRecord(db ?? (await getDb()), sessionRef(claims)));
}

/** API guard: 401 without a valid session, 403 without the permission. */
export async function requireActor(db: Db, permission?: Permission): Promise<Actor> {
  const actor = await getActor(db);
  if (!actor) throw unauthorized();
  if (permission && !can(actor.role, permission)) {
    throw new AppError("forbidden", "Your account is not allowed to do this.");
  }
  return actor;
}

/** A client may only ever see its own company; every other id is "not found" (the record is not read). */
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
