"use client";

import "@scalar/api-reference/style.css";
import "./scalar-theme.css";
import { useEffect, useRef, useState } from "react";

type State = "loading" | "ready" | "failed";

/**
 * The published document in Scalar's viewer, loaded only on this page (its script is large). Nothing
 * leaves this origin: no web fonts, telemetry, assistant or request client, and the CSP's
 * `connect-src 'self'` would refuse it anyway. Its colours are darkened where they missed WCAG AA
 * contrast (`scalar-theme.css`).
 */
export function ScalarReference({ documentUrl }: { documentUrl: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>("loading");

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | undefined;
    import("@scalar/api-reference")
      .then(({ createApiReference }) => {
        if (cancelled || !host.current) return;
        destroy = createApiReference(host.current, {
          url: documentUrl,
          theme: "default",
          layout: "modern",
          forceDarkModeState: "light",
          hideDarkModeToggle: true,
          hideClientButton: true,
          hideTestRequestButton: true,
          withDefaultFonts: false,
          telemetry: false,
          showDeveloperTools: "never",
          documentDownloadType: "json",
          agent: { disabled: true },
          mcp: { disabled: true },
        }).destroy;
        setState("ready");
      })
      .catch(() => {
        if (!cancelled) setState("failed");
      });
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [documentUrl]);

  // The viewer renders the page's <main> (the layout leaves it out here: MainLandmark); until it does,
  // the waiting or the failure is the main content.
  return (
    <>
      {state === "ready" ? null : (
        <main aria-label="API reference">
          {state === "loading" ? (
            <p role="status" className="text-slate-700">
              Loading the API reference…
            </p>
          ) : (
            <p role="alert" className="text-red-800">
              The interactive reference could not load. Reload the page, or{" "}
              <a href="/docs/api/plain" className="underline">
                read the plain reference
              </a>
              .
            </p>
          )}
        </main>
      )}
      <div ref={host} />
    </>
  );
}
