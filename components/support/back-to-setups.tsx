import Link from "next/link";

/** The support pages' way back to the list of setups, above their heading. */
export function BackToSetups() {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm">
      <Link href="/support" className="font-medium text-brand-700 underline">
        ← All setups
      </Link>
    </nav>
  );
}
