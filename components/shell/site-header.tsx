import Link from "next/link";
import type { SiteHeaderData } from "@/lib/shell/site-header-data";
import { signOutAction } from "@/lib/auth/sign-out-action";

/** Top bar: the integrator's name and what this person may open (loaded by the root layout). */
export function SiteHeader({ integratorName, links, signedInAs }: SiteHeaderData) {
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
          {signedInAs !== null ? (
            <form action={signOutAction}>
              <span className="px-2 text-slate-600">{signedInAs}</span>
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
