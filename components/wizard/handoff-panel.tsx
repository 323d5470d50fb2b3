"use client";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { CopyButton } from "./copy-button";
import { createHandoff } from "./wizard-api";

const formatExpiry = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));

/** Hands the setup over to the Sage 50 PC: a link, a QR code and a short code to type at /go. */
export function HandoffPanel({ companyId }: { companyId: string }) {
  const handoff = useMutation({ mutationFn: () => createHandoff(companyId) });
  const data = handoff.data;

  return (
    <div className="rounded-xl border border-brand-600/30 bg-brand-50 p-5 sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-xl">
          <h3 className="text-lg font-bold text-slate-900">Not on the Sage 50 PC right now?</h3>
          <p className="mt-1 text-slate-700">
            The next steps happen on the Windows PC where Sage 50 is installed. Get a link, a QR code and a short code to open this
            setup there. You will carry on exactly where you are.
          </p>
        </div>
        {data ? null : (
          <Button onClick={() => handoff.mutate()} disabled={handoff.isPending}>
            {handoff.isPending ? "Preparing…" : "Open this on the Sage 50 PC"}
          </Button>
        )}
      </div>

      <div role="status" aria-live="polite" className="sr-only">
        {data ? `A link and a short code for the Sage 50 PC are ready. The code is ${data.shortCode.split("").join(" ")}.` : ""}
      </div>

      {handoff.isError ? (
        <div className="mt-4">
          <Alert tone="error" title="We could not make a link just now" role="alert">
            {handoff.error.message}
          </Alert>
        </div>
      ) : null}

      {data ? (
        <div className="mt-5 grid gap-5 md:grid-cols-[auto_minmax(0,1fr)] md:items-start">
          <div
            role="img"
            aria-label="QR code that opens this setup on another device"
            className="h-40 w-40 rounded-lg border border-slate-200 bg-white p-2 [&>svg]:h-full [&>svg]:w-full"
            dangerouslySetInnerHTML={{ __html: data.qrSvg }}
          />
          <div className="min-w-0 space-y-4">
            <div>
              <p className="text-sm font-semibold text-slate-800">On the Sage 50 PC, go to</p>
              <p className="mt-1 break-all font-mono text-lg font-bold text-slate-900">{data.shortUrl}</p>
              <p className="mt-2 text-sm font-semibold text-slate-800">and type this code:</p>
              <p className="mt-1 flex flex-wrap items-center gap-3">
                <span data-testid="handoff-code" className="rounded-lg border-2 border-slate-300 bg-white px-4 py-2 font-mono text-2xl font-bold tracking-[0.2em] text-slate-900">
                  {data.shortCode}
                </span>
                <CopyButton value={data.shortCode} label="short code" />
              </p>
            </div>
            <div>
              <label htmlFor="handoff-link" className="text-sm font-semibold text-slate-800">
                Or send yourself this link
              </label>
              <div className="mt-1 flex flex-wrap items-center gap-2">
                <input
                  id="handoff-link"
                  readOnly
                  value={data.url}
                  onFocus={(e) => e.currentTarget.select()}
                  className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm text-slate-900"
                />
                <CopyButton value={data.url} label="setup link" />
              </div>
            </div>
            <p className="text-sm text-slate-700">
              Or scan the QR code with a phone to send the link on. The link and the code work until {formatExpiry(data.expiresAt)}.
            </p>
          </div>
        </div>
      ) : null}
    </div>
  );
}
