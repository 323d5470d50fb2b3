import Link from "next/link";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/guards";
import { ButtonLink } from "@/components/ui/button";

const steps = [
  ["Create a push user in Sage 50", "A dedicated Administrator login that only the connector uses."],
  ["Install and license the connector", "On the Windows PC where Sage 50 runs, with the licence key we show you."],
  ["Give the connector the push user", "Never your everyday login, so pushes are not blocked while you work."],
  ["Run a test push", "We write one test supplier and check it arrived, then switch data push on."],
];

export default async function HomePage() {
  const actor = await getActor();
  if (actor?.type === "client") redirect("/setup");
  if (actor?.type === "staff") redirect("/support");
  return (
    <div className="grid gap-10 lg:grid-cols-2 lg:items-center">
      <div>
        <h1 className="text-4xl font-bold leading-tight text-slate-900">Connect Sage 50 Accounts for data push, verified.</h1>
        <p className="mt-4 text-lg text-slate-700">
          A guided setup takes you from nothing to a test record landing in your Sage 50 company, in about 20 minutes,
          without a support call.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <ButtonLink href="/go">I have a setup code</ButtonLink>
          <ButtonLink href="/sign-in" variant="secondary">
            Staff sign in
          </ButtonLink>
        </div>
        <p className="mt-4 text-sm text-slate-600">
          Sent a setup link by email? Open it on the Windows PC that runs Sage 50. Need help?{" "}
          <Link href="/help" className="font-semibold text-brand-700 underline">
            Browse the help pages
          </Link>
          .
        </p>
      </div>
      <ol className="space-y-3">
        {steps.map(([title, body], i) => (
          <li key={title} className="flex gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <span aria-hidden="true" className="grid h-9 w-9 shrink-0 place-items-center rounded-full bg-brand-600 font-bold text-white">
              {i + 1}
            </span>
            <div>
              <h2 className="font-semibold">{title}</h2>
              <p className="text-sm text-slate-700">{body}</p>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
