"use client";
import { useEffect, useState } from "react";

type Outcome = "idle" | "copied" | "failed";

/** Copies `value`; says so in a polite live region. `label` names what is copied, e.g. "license key". */
export function CopyButton({ value, label, className = "" }: { value: string; label: string; className?: string }) {
  const [outcome, setOutcome] = useState<Outcome>("idle");
  useEffect(() => {
    if (outcome === "idle") return;
    const timer = window.setTimeout(() => setOutcome("idle"), 4000);
    return () => window.clearTimeout(timer);
  }, [outcome]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setOutcome("copied");
    } catch {
      setOutcome("failed");
    }
  }

  return (
    <span className={`inline-flex flex-wrap items-center gap-2 ${className}`}>
      <button
        type="button"
        onClick={copy}
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-50"
      >
        <CopyIcon />
        Copy<span className="sr-only"> {label}</span>
      </button>
      <span role="status" className="min-w-[5rem] text-sm font-medium text-emerald-800">
        {outcome === "copied" ? "Copied" : outcome === "failed" ? <span className="text-slate-700">Select it and press Ctrl+C</span> : ""}
      </span>
    </span>
  );
}

function CopyIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.8">
      <rect x="7" y="7" width="10" height="10" rx="2" />
      <path d="M13 7V5a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h2" />
    </svg>
  );
}
