import Link from "next/link";
import type { ReactNode } from "react";

/** A link to one of the help pages (`/help/<slug>`), as the wizard's steps show them. */
export function HelpLink({ slug, children }: { slug: string; children: ReactNode }) {
  return (
    <Link href={`/help/${slug}`} className="font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-800">
      {children}
    </Link>
  );
}
