import { CopyButton } from "./copy-button";
import { formatDateTime } from "./format";

/** A setup link just issued: shown this once (only its hash is kept), with copy buttons. */
export function IssuedLink({ url, shortCode, expiresAt }: { url: string; shortCode: string; expiresAt: string }) {
  return (
    <div className="space-y-3 rounded-lg border border-emerald-600/30 bg-emerald-50 p-4 text-sm text-emerald-950">
      <p className="font-semibold">Send this to the client now: it is shown only once.</p>
      <div>
        <p className="font-semibold">Setup link</p>
        <p className="mt-1 break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900" data-testid="issued-setup-url">
          {url}
        </p>
        <div className="mt-2">
          <CopyButton value={url} label="Copy link" />
        </div>
      </div>
      <div>
        <p className="font-semibold">Short code (typed at /go on the Sage 50 PC)</p>
        <p className="mt-1 font-mono text-lg tracking-widest text-slate-900" data-testid="issued-short-code">
          {shortCode}
        </p>
        <div className="mt-2">
          <CopyButton value={shortCode} label="Copy code" />
        </div>
      </div>
      <p>Valid until {formatDateTime(expiresAt)}. Any earlier link for this company has stopped working.</p>
    </div>
  );
}
