"use client";
import { useEffect } from "react";
import { EMBED_MESSAGE_SOURCE, embedEvent } from "@/lib/sage/embed-events";
import { connectEmbedSink, emitEmbedEvent, firstReady } from "./embed-events";
import { EXIT_BUTTON_ATTRIBUTE } from "./embed-exit";

type BridgeBrand = { integratorName: string; primaryColour: string };

/**
 * Posts the wizard's events to the page embedding it, only to `targetOrigin` (checked against the
 * admins' list on the server; never "*"). `ready` comes first, once per tab, on any wizard page, and
 * carries the branding for the modal's frame.
 * Escape inside the wizard (when nothing in it used the key) asks the page to close: `exit`; so does the
 * brand bar's Exit setup button (`exit` with reason `exit_button`).
 * Outside an iframe, or when not embedded, nothing is posted.
 */
export function EmbedBridge({ targetOrigin, companyId, brand }: { targetOrigin: string | null; companyId: string | null; brand: BridgeBrand }) {
  const { integratorName, primaryColour } = brand;
  useEffect(() => {
    if (!targetOrigin || !companyId || window.parent === window) return connectEmbedSink(() => undefined);
    const post = (message: object) => window.parent.postMessage({ source: EMBED_MESSAGE_SOURCE, ...message }, targetOrigin);
    // Before the events the page's islands emitted while this was not connected yet.
    if (firstReady()) post({ ...embedEvent("ready", companyId), brand: { integratorName, primaryColour } });
    const disconnect = connectEmbedSink(post);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) emitEmbedEvent(embedEvent("exit", companyId, { reason: "escape" }));
    };
    const onClick = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest(`[${EXIT_BUTTON_ATTRIBUTE}]`)) emitEmbedEvent(embedEvent("exit", companyId, { reason: "exit_button" }));
    };
    window.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    return () => {
      window.removeEventListener("keydown", onKey);
      document.removeEventListener("click", onClick);
      disconnect();
    };
  }, [targetOrigin, companyId, integratorName, primaryColour]);
  return null;
}
