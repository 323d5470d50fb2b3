import { Card } from "@/components/ui/card";
import type { WebhooksAdminView } from "@/lib/outgoing-webhooks/webhooks-admin-data";
import { WebhookEndpointsPanel } from "./webhook-endpoints-client";

/** Admin page: signed webhooks to the integrator's backend, with a notice for each disabled endpoint. */
export function WebhooksSection({ view }: { view: WebhooksAdminView }) {
  const disabled = view.endpoints.filter((e) => e.endpoint.disabledAt);
  return (
    <Card>
      <h2 className="text-lg font-bold text-slate-900">Webhooks</h2>
      <p className="mt-1 text-sm text-slate-700">
        Your backend hears of every change to a setup as a signed webhook (Standard Webhooks: check <code className="font-mono">webhook-signature</code>{" "}
        with the endpoint&apos;s secret). Failed deliveries are retried for about 24 hours; the event types are in the{" "}
        <a href="/docs/api" className="underline">API reference</a>.
      </p>
      {disabled.length ? (
        <p role="alert" className="mt-3 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {disabled.length === 1 ? "One endpoint was" : `${disabled.length} endpoints were`} disabled after failing for five days:{" "}
          {disabled.map((e) => e.endpoint.url).join(", ")}.
        </p>
      ) : null}
      <div className="mt-4">
        <WebhookEndpointsPanel view={view} />
      </div>
    </Card>
  );
}
