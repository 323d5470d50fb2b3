/** The loud warning wherever the connector asks for a Sage 50 login. */
export function NotEverydayLoginCallout({ pushUsername, everydayUsernames }: { pushUsername: string; everydayUsernames: string[] }) {
  const everyday = everydayUsernames.length > 0 ? everydayUsernames.join(", ") : "the logins people use every day";
  return (
    <div className="rounded-xl border-2 border-red-700 bg-red-50 p-4 text-red-950 sm:p-5">
      <p className="flex items-start gap-3 text-lg font-bold">
        <svg aria-hidden="true" viewBox="0 0 24 24" width="26" height="26" className="mt-0.5 shrink-0 text-red-700" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M12 3l9 16H3zM12 10v4M12 17h.01" />
        </svg>
        <span>Not your everyday login ({everyday})</span>
      </p>
      <p className="mt-2 pl-9">
        Type the push user&apos;s username{" "}
        <span className="rounded bg-white px-2 py-0.5 font-mono text-base font-bold text-slate-900 ring-1 ring-red-700/40">{pushUsername}</span>{" "}
        and the password you gave it. If the connector shares a login with a person, nothing can be written to Sage 50 while
        they have it open.
      </p>
    </div>
  );
}
