"use client";
import { useEffect } from "react";
import { EMBED_MESSAGE_SOURCE, embedEvent } from "@/lib/sage/embed-events";
import { connectEmbedSink, emitEmbedEvent } from "./embed-events";

type BridgeBrand = { integratorName: string; primaryColour: string };

/**
 * Posts the wizard's events to the page embedding it, only to `targetOrigin` (checked against the
 * admins' list on the server; never "*"). `ready` also carries the branding for the modal's frame.
 * Escape inside the wizard (when nothing in it used the key) asks the page to close: `exit`.
 * Outside an iframe, or when not embedded, nothing is posted.
 */
export function EmbedBridge({ targetOrigin, brand }: { targetOrigin: string | null; brand: BridgeBrand }) {
  const { integratorName, primaryColour } = brand;
  useEffect(() => {
    if (!targetOrigin || window.parent === window) return connectEmbedSink(() => undefined);
    const post = (message: object) => window.parent.postMessage({ source: EMBED_MESSAGE_SOURCE, ...message }, targetOrigin);
    let companyId = "";
    const disconnect = connectEmbedSink((event) => {
      companyId = event.companyId;
      post(event.type === "ready" ? { ...event, brand: { integratorName, primaryColour } } : event);
    });
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented && companyId) emitEmbedEvent(embedEvent("exit", companyId, { reason: "escape" }));
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      disconnect();
    };
  }, [targetOrigin, integratorName, primaryColour]);
  return null;
}
