import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { loadShell } from "@/lib/shell/branding";

export const metadata: Metadata = { title: "This setup link does not work" };

const reasons = {
  expired: {
    title: "This setup link has expired",
    body: "Setup links work for a limited time, to keep your company's connection safe.",
  },
  replaced: {
    title: "This setup link has been replaced",
    body: "A newer link was sent for your company, so this one stopped working. Use the most recent link you received.",
  },
  invalid: {
    title: "This setup link is not valid",
    body: "The link may be incomplete: check that you copied all of it.",
  },
} as const;

export default async function LinkProblemPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  const r = reasons[reason === "expired" || reason === "replaced" ? reason : "invalid"];
  const settings = await loadShell();
  return (
    <div className="mx-auto max-w-lg">
      <Card>
        <h1 className="text-2xl font-bold">{r.title}</h1>
        <p className="mt-2 text-slate-700">{r.body}</p>
        <h2 className="mt-6 font-semibold">What to do next</h2>
        <p className="mt-1 text-slate-700">
          Ask {settings.integratorName} support for a new setup link at{" "}
          <a className="font-semibold text-brand-700 underline" href={`mailto:${settings.supportContact}`}>
            {settings.supportContact}
          </a>
          . Your progress so far is saved: the new link opens the setup where you left it.
        </p>
      </Card>
    </div>
  );
}
