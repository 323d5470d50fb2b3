"use client";
import { useState, type FormEvent } from "react";
import { callApi } from "./call-api";
import { useAction } from "./use-action";
import { CopyButton } from "./copy-button";
import { formatDateTime } from "./format";
import { Button } from "@/components/ui/button";
import { Field, TextInput, describedBy } from "@/components/ui/field";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/sage/webhook-events";
import type { WebhooksAdminView } from "@/lib/outgoing-webhooks/webhooks-admin-data";

type Shown = { url: string; secret: string; rotated: boolean };

/**
 * Admin: the integrator backend's webhook endpoints. A new or rotated secret is shown once; each
 * endpoint lists its recent deliveries with every try, and a delivery can be sent again.
 */
export function WebhookEndpointsPanel({ view }: { view: WebhooksAdminView }) {
  const { pending, message, run } = useAction();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>([...WEBHOOK_EVENT_TYPES]);
  const [fields, setFields] = useState<{ url?: string; events?: string }>({});
  const [shown, setShown] = useState<Shown | null>(null);

  async function create(e: FormEvent) {
    e.preventDefault();
    const result = await run(
      () => callApi<{ endpoint: { url: string; secret: string } }>("/api/webhook-endpoints", { method: "POST", body: { url, events } }),
      () => ({ tone: "success", text: "Endpoint added. Copy its signing secret now: it is shown only once." }),
    );
    setFields(result.ok ? {} : { url: result.fields.url ?? (result.fields.events ? undefined : result.message), events: result.fields.events });
    if (result.ok) {
      setShown({ ...result.data.endpoint, rotated: false });
      setUrl("");
    }
  }

  async function rotate(id: string) {
    const result = await run(
      () => callApi<{ endpoint: { url: string; secret: string } }>(`/api/webhook-endpoints/${id}/rotate`, { method: "POST" }),
      () => ({ tone: "success", text: "New secret made. The old one still signs for 24 hours: switch your backend over before then." }),
    );
    if (result.ok) setShown({ ...result.data.endpoint, rotated: true });
  }

  return (
    <div className="space-y-4">
      <div role="status" aria-live="polite" className="text-sm">
        {message ? <p className={message.tone === "error" ? "text-red-800" : "text-emerald-900"}>{message.text}</p> : null}
      </div>
      {shown ? (
        <div className="rounded-lg border border-emerald-600/30 bg-emerald-50 p-4 text-sm">
          <p className="font-semibold text-emerald-950">{shown.rotated ? "New signing secret" : "Signing secret"} for {shown.url}</p>
          <p className="mt-1 break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900">{shown.secret}</p>
          <div className="mt-2">
            <CopyButton value={shown.secret} label="Copy secret" />
          </div>
        </div>
      ) : null}
      {view.endpoints.length === 0 ? <p className="text-sm text-slate-700">No webhook endpoints yet.</p> : null}
      {view.endpoints.map(({ endpoint, deliveries, attempts }) => (
        <section key={endpoint.id} aria-label={`Endpoint ${endpoint.url}`} className="rounded-lg border border-slate-200 p-4">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div>
              <p className="break-all font-mono text-sm font-medium text-slate-900">{endpoint.url}</p>
              <p className="mt-1 text-xs text-slate-700">{endpoint.events.join(", ")}</p>
              {endpoint.disabledAt ? (
                <p className="mt-2 rounded bg-red-50 px-2 py-1 text-sm text-red-900">
                  Disabled on {formatDateTime(endpoint.disabledAt)}: every delivery failed for five days. Fix it, then delete it and add it again.
                </p>
              ) : endpoint.failingSince ? (
                <p className="mt-2 text-sm text-amber-900">Failing since {formatDateTime(endpoint.failingSince)}; retries continue.</p>
              ) : null}
              {endpoint.previousSecretExpiresAt ? (
                <p className="mt-1 text-xs text-slate-700">The previous secret also signs until {formatDateTime(endpoint.previousSecretExpiresAt)}.</p>
              ) : null}
            </div>
            <div className="flex gap-2">
              <Button variant="secondary" disabled={pending} onClick={() => void rotate(endpoint.id)}>
                Rotate secret
              </Button>
              <Button
                variant="secondary"
                disabled={pending}
                onClick={() =>
                  void run(
                    () => callApi(`/api/webhook-endpoints/${endpoint.id}`, { method: "DELETE" }),
                    () => ({ tone: "success", text: `Endpoint ${endpoint.url} deleted.` }),
                  )
                }
              >
                Delete
              </Button>
            </div>
          </div>
          {deliveries.length ? (
            <table className="mt-3 w-full text-left text-sm">
              <caption className="sr-only">Recent deliveries to {endpoint.url}</caption>
              <thead>
                <tr className="border-b border-slate-200 text-slate-700">
                  <th scope="col" className="py-1">Event</th>
                  <th scope="col" className="py-1">State</th>
                  <th scope="col" className="py-1">Tries (status, duration, time)</th>
                  <th scope="col" className="py-1"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((d) => (
                  <tr key={d.id} className="border-b border-slate-100 align-top">
                    <td className="py-1 font-mono text-xs">{d.eventType}</td>
                    <td className="py-1">{d.status}{d.replayOf ? " (replay)" : ""}</td>
                    <td className="py-1 text-xs">
                      {attempts
                        .filter((a) => a.deliveryId === d.id)
                        .map((a) => (
                          <span key={a.id} className="block">
                            #{a.attempt}: {a.statusCode ?? "no answer"}, {a.durationMs} ms, {formatDateTime(a.at)}
                            {a.error ? ` (${a.error})` : ""}
                          </span>
                        ))}
                    </td>
                    <td className="py-1">
                      <Button
                        variant="secondary"
                        disabled={pending || endpoint.disabledAt !== null}
                        onClick={() =>
                          void run(
                            () => callApi(`/api/webhook-endpoints/${endpoint.id}/deliveries/${d.id}/replay`, { method: "POST" }),
                            () => ({ tone: "success", text: `${d.eventType} queued to be sent again.` }),
                          )
                        }
                      >
                        Replay
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="mt-3 text-sm text-slate-700">Nothing sent yet.</p>
          )}
        </section>
      ))}
      <form onSubmit={(e) => void create(e)} className="space-y-3" noValidate>
        <Field id="webhook-url" label="Endpoint URL" hint="Your backend's HTTPS URL that receives the events." error={fields.url}>
          <TextInput
            id="webhook-url"
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            aria-invalid={fields.url ? true : undefined}
            aria-describedby={describedBy("webhook-url", { hint: true, error: fields.url })}
          />
        </Field>
        <fieldset aria-describedby={fields.events ? "webhook-events-error" : undefined}>
          <legend className="text-sm font-medium text-slate-900">Events</legend>
          <div className="mt-1 grid gap-x-4 gap-y-2 sm:grid-cols-2">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="flex items-center gap-2 text-sm">
                <input
                  className="h-5 w-5 shrink-0"
                  type="checkbox"
                  name="events"
                  value={type}
                  checked={events.includes(type)}
                  onChange={(e) => setEvents((now) => (e.target.checked ? [...now, type] : now.filter((t) => t !== type)))}
                />
                <span className="font-mono text-xs">{type}</span>
              </label>
            ))}
          </div>
          {fields.events ? (
            <p id="webhook-events-error" className="mt-1 text-sm text-red-800">
              {fields.events}
            </p>
          ) : null}
        </fieldset>
        <Button type="submit" disabled={pending}>
          Add endpoint
        </Button>
      </form>
    </div>
  );
}
