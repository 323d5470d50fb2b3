import Link from "next/link";
import type { OutboxMessageView } from "@/lib/email/list-outbox";
import { outboxHref, type OutboxQuery } from "@/lib/email/outbox-query-schema";
import { EMAIL_KINDS } from "@/lib/sage/email-kinds";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { EMAIL_KIND_WORDS } from "./email-kind-words";

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

/** Filter the outbox by address and kind (a plain GET form: works without script). */
export function OutboxFilters({ query }: { query: OutboxQuery }) {
  return (
    <form action="/support/outbox" role="search" aria-label="Filter the outbox" className="mb-4 flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="outbox-to" className="block text-sm font-medium text-slate-900">
          To
        </label>
        <input id="outbox-to" name="to" type="email" defaultValue={query.to ?? ""} className={inputClass} />
      </div>
      <div>
        <label htmlFor="outbox-kind" className="block text-sm font-medium text-slate-900">
          Kind
        </label>
        <select id="outbox-kind" name="kind" defaultValue={query.kind ?? ""} className={inputClass}>
          <option value="">Any</option>
          {EMAIL_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {EMAIL_KIND_WORDS[kind]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        Filter
      </button>
    </form>
  );
}

function SentState({ message }: { message: OutboxMessageView }) {
  if (message.sentAt) return <span>Sent {when(message.sentAt)}</span>;
  return (
    <span className="text-red-800">
      Not sent yet ({message.attempts} {message.attempts === 1 ? "try" : "tries"}){message.lastError ? `: ${message.lastError}` : ""}
    </span>
  );
}

/**
 * The outbox, newest first. Each message opens in place (a <details>, reachable by keyboard): its
 * text as text, its HTML only inside a sandboxed frame that runs no script.
 */
export function OutboxList({ messages, query, hasMore }: { messages: OutboxMessageView[]; query: OutboxQuery; hasMore: boolean }) {
  if (messages.length === 0) return <p className="text-slate-700">No emails match.</p>;
  return (
    <>
      <ul className="space-y-3">
        {messages.map((m) => (
          <li key={m.id} className="rounded-lg border border-slate-200 bg-white">
            <details>
              <summary className="cursor-pointer list-none p-4 focus-visible:outline-2 focus-visible:outline-brand-600">
                <span className="flex flex-wrap items-center gap-2">
                  <Badge tone="info">{EMAIL_KIND_WORDS[m.kind]}</Badge>
                  <span className="font-semibold text-slate-900">{m.subject}</span>
                </span>
                <span className="mt-1 block text-sm text-slate-700">
                  To {m.to} · <SentState message={m} />
                  {m.companyId ? (
                    <>
                      {" · "}
                      <Link href={`/support/companies/${m.companyId}`} className="text-brand-700 underline">
                        Company
                      </Link>
                    </>
                  ) : null}
                </span>
              </summary>
              <div className="space-y-3 border-t border-slate-200 p-4">
                <h3 className="text-sm font-semibold text-slate-900">Text</h3>
                <pre className="whitespace-pre-wrap break-words rounded bg-slate-50 p-3 text-sm text-slate-900">{m.text}</pre>
                {m.html ? (
                  <>
                    <h3 className="text-sm font-semibold text-slate-900">HTML</h3>
                    <iframe
                      sandbox=""
                      srcDoc={m.html}
                      title={`HTML version of “${m.subject}”`}
                      className="h-96 w-full rounded border border-slate-200 bg-white"
                    />
                  </>
                ) : null}
              </div>
            </details>
          </li>
        ))}
      </ul>
      <nav aria-label="Pages" className="mt-4 flex gap-2">
        {query.page > 1 ? (
          <Link href={outboxHref(query, { page: query.page - 1 })} rel="prev" className={buttonClass("secondary")}>
            Newer emails
          </Link>
        ) : null}
        {hasMore ? (
          <Link href={outboxHref(query, { page: query.page + 1 })} rel="next" className={buttonClass("secondary")}>
            Older emails
          </Link>
        ) : null}
      </nav>
    </>
  );
}
