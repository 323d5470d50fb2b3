"use client";
import Script from "next/script";
import { useRef, useState } from "react";
import { startEmbedDemoAction } from "@/lib/embed/start-embed-demo-action";
import type { EmbedEvent } from "@/lib/sage/embed-events";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

type Handle = { close(): void };
type SagePushSetup = {
  open(options: {
    url: string;
    onReady?: (event: EmbedEvent) => void;
    onEvent?: (event: EmbedEvent) => void;
    onSuccess?: (event: EmbedEvent) => void;
    onExit?: (event: EmbedEvent) => void;
  }): Handle;
};

/** What the page logs: one line per event, newest last. */
function describe(event: EmbedEvent, via: string): string {
  const parts = [event.type, event.step ? `step ${event.step}` : null, event.outcome ? `outcome ${event.outcome}` : null, event.reason ? `reason ${event.reason}` : null];
  return `${via}: ${parts.filter(Boolean).join(", ")}`;
}

/**
 * The fake integrator's page: its backend (a server action) makes a demo client's setup link, and
 * the page opens it with /embed.js, exactly as an integrator would, logging every callback.
 */
export function EmbedDemoHost({ integratorName }: { integratorName: string }) {
  const [log, setLog] = useState<string[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const counter = useRef(0);
  const add = (line: string) => setLog((lines) => [...lines, `${++counter.current}. ${line}`]);

  async function open() {
    if (pending) return;
    const api = (window as unknown as { SagePushSetup?: SagePushSetup }).SagePushSetup;
    if (!api) {
      setError("/embed.js has not loaded yet. Try again in a moment.");
      return;
    }
    setPending(true);
    setError(null);
    const result = await startEmbedDemoAction();
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    api.open({
      url: result.url,
      onEvent: (event) => add(describe(event, "onEvent")),
      onReady: () => add("onReady"),
      onSuccess: () => add("onSuccess: push is on"),
      onExit: (event) => add(describe(event, "onExit")),
    });
  }

  return (
    <div className="space-y-6">
      <Script src="/embed.js" strategy="afterInteractive" />
      <Card>
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">Demo: your app</p>
        <h1 className="mt-1 text-2xl font-bold text-slate-900">{integratorName}: bills and payments</h1>
        <p className="mt-2 max-w-2xl text-slate-700">
          This page plays the integrator&apos;s own app. The button asks its backend for a new client&apos;s setup link, then opens the
          Sage 50 setup inside this page with <code className="font-mono">/embed.js</code>. Every event the wizard sends is listed below.
        </p>
        <div className="mt-4">
          {/* Not disabled while pending: the button keeps focus, so the dialog can give it back on close. */}
          <Button type="button" onClick={() => void open()} aria-busy={pending || undefined}>
            {pending ? "Creating the setup…" : "Connect Sage 50"}
          </Button>
        </div>
        {error ? (
          <p role="alert" className="mt-3 text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </Card>
      <Card>
        <h2 id="embed-log-heading" className="text-lg font-bold text-slate-900">
          Events received
        </h2>
        {log.length === 0 ? <p className="mt-2 text-sm text-slate-700">None yet.</p> : null}
        <ol aria-labelledby="embed-log-heading" aria-live="polite" className="mt-2 space-y-1 font-mono text-sm text-slate-800">
          {log.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
