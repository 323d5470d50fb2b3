import Link from "next/link";
import { SupportContact } from "./support-contact";

/** Help and contact, under every step and the health page. */
export function WizardHelpFooter({ supportContact, integratorName }: { supportContact: string; integratorName: string }) {
  return (
    <footer className="mt-6 flex flex-col gap-3 rounded-xl border border-slate-200 bg-white px-6 py-5 text-sm text-slate-700 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex items-start gap-3">
        <span aria-hidden="true" className="grid h-8 w-8 shrink-0 place-items-center rounded-full bg-brand-50 font-bold text-brand-700">
          ?
        </span>
        <p>
          <span className="block font-semibold text-slate-900">Stuck, or not sure?</span>
          Every problem has its own page in the{" "}
          <Link href="/help" className="font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-800">
            setup help
          </Link>
          . {integratorName} support can also help: <SupportContact contact={supportContact} />.
        </p>
      </div>
    </footer>
  );
}
