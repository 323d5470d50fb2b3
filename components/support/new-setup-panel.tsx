import { NewSetupForm } from "./new-setup-form-client";

/** "New setup", folded away until needed (a native disclosure: keyboard and screen readers get it for free). */
export function NewSetupPanel() {
  return (
    <details className="group mb-6 rounded-xl border border-slate-200 bg-white shadow-sm">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-xl px-6 py-4 font-semibold text-slate-900 hover:bg-slate-50">
        <span>
          New setup
          <span className="ml-2 font-normal text-slate-600">Create a company and the setup link to send the client</span>
        </span>
        <span aria-hidden="true" className="text-brand-700 transition-transform group-open:rotate-45">
          +
        </span>
      </summary>
      <div className="border-t border-slate-200 px-6 py-5">
        <NewSetupForm />
      </div>
    </details>
  );
}
