import Link from "next/link";
import { loadShell } from "@/lib/shell/branding";
import { can } from "@/lib/auth/permissions";
import { signOutAction } from "@/lib/auth/sign-out-action";

/** Top bar: the integrator's name and what this person may open. */
export async function SiteHeader() {
  const { actor, integratorName } = await loadShell();
  const links: { href: string; label: string }[] = [];
  if (actor?.type === "client") links.push({ href: "/setup", label: "Setup" }, { href: "/setup/health", label: "Connection health" });
  if (actor && can(actor.role, "company:read")) links.push({ href: "/support", label: "Support" });
  if (actor && can(actor.role, "company:import")) links.push({ href: "/support/import", label: "Import" });
  if (actor && can(actor.role, "settings:manage")) links.push({ href: "/support/admin", label: "Admin" });

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-bold text-slate-900">
          <span aria-hidden="true" className="grid h-8 w-8 place-items-center rounded-md bg-brand-600 text-white">
            {integratorName.slice(0, 1).toUpperCase()}
          </span>
          <span>
            {integratorName} <span className="font-normal text-slate-600">· Sage 50 push setup</span>
          </span>
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-1 text-sm">
          {links.map((l) => (
            <Link key={l.href} href={l.href} className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
              {l.label}
            </Link>
          ))}
          {actor ? (
            <form action={signOutAction}>
              <span className="px-2 text-slate-600">{actor.type === "staff" ? `${actor.name} (${actor.role})` : "Client"}</span>
              <button type="submit" className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100">
                Sign out
              </button>
            </form>
          ) : (
            <Link href="/sign-in" className="rounded-md px-3 py-2 font-medium text-brand-700 hover:bg-brand-50">
              Staff sign in
            </Link>
          )}
        </nav>
      </div>
    </header>
  );
}
