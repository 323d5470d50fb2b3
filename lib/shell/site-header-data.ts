import { can } from "@/lib/auth/permissions";
import { currentEmbedOrigin } from "@/lib/embed/embed-origin";
import { loadShell } from "./branding";

type SiteHeaderLink = { href: string; label: string };

/** What the top bar shows: the integrator's name, the pages this person may open, and who they are. */
export type SiteHeaderData = {
  integratorName: string;
  links: SiteHeaderLink[];
  /** null when nobody is signed in. */
  signedInAs: string | null;
};

/**
 * The top bar's content for the current request (read by the root layout), or null for a client
 * whose wizard runs inside the integrator's page: there the integrator's own app is the frame, so the
 * wizard shows only the brand bar, and leaving goes through the embed's `exit` event, not Sign out.
 */
export async function loadSiteHeader(): Promise<SiteHeaderData | null> {
  const { db, actor, integratorName } = await loadShell();
  if (actor?.type === "client" && (await currentEmbedOrigin(db))) return null;
  const links: SiteHeaderLink[] = [];
  if (actor?.type === "client") links.push({ href: "/setup", label: "Setup" }, { href: "/setup/health", label: "Connection health" });
  if (actor && can(actor.role, "company:read")) links.push({ href: "/support", label: "Support" });
  if (actor && can(actor.role, "company:import")) links.push({ href: "/support/import", label: "Import" });
  if (actor && can(actor.role, "insights:read")) links.push({ href: "/support/insights", label: "Insights" });
  if (actor && can(actor.role, "outbox:read")) links.push({ href: "/support/outbox", label: "Outbox" });
  if (actor && can(actor.role, "settings:manage")) links.push({ href: "/support/admin", label: "Admin" });
  const signedInAs = !actor ? null : actor.type === "staff" ? `${actor.name} (${actor.role})` : "Client";
  return { integratorName, links, signedInAs };
}
