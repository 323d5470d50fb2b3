import { Card } from "@/components/ui/card";
import type { CodatWebhookInboxFigures } from "@/lib/webhooks/codat-webhook-inbox-figures";

/** Admin page: Codat's webhooks acknowledged and waiting to be applied, and any that failed with their error. */
export function CodatWebhookInboxCard({ inbox }: { inbox: CodatWebhookInboxFigures }) {
  const oldest = inbox.oldestWaitingAgeS === null ? "" : `, the oldest received ${inbox.oldestWaitingAgeS} s ago`;
  return (
    <Card>
      <h2 className="text-lg font-bold text-slate-900">Codat&apos;s webhooks</h2>
      <p className="mt-1 text-sm text-slate-700" data-testid="codat-webhook-inbox">
        {inbox.waiting} waiting to be applied{oldest}; {inbox.failed} failed after every retry.
      </p>
      {inbox.failures.length ? (
        <ul className="mt-3 space-y-1 text-sm text-slate-700">
          {inbox.failures.map((f) => (
            <li key={f.id}>
              <code className="font-mono">{f.eventType}</code> {f.id}, {f.attempts} attempts: {f.lastError ?? "no error kept"}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
