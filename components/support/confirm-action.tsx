"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button, buttonClass } from "@/components/ui/button";

/**
 * A button that asks once before doing something that cannot be taken back: the question appears in
 * place, focus moves to it, Escape or Cancel goes back.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  onConfirm,
  pending,
  variant = "secondary",
  disabled,
  describedBy,
}: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  onConfirm: () => void | Promise<unknown>;
  pending: boolean;
  variant?: "secondary" | "danger" | "primary";
  disabled?: boolean;
  describedBy?: string;
}) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) openRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={openRef}
        type="button"
        className={buttonClass(variant === "danger" ? "secondary" : variant)}
        onClick={() => setAsking(true)}
        disabled={disabled || pending}
        aria-describedby={describedBy}
      >
        {pending ? "Working…" : label}
      </button>
    );
  }
  return (
    <div
      role="group"
      aria-label={label}
      className="space-y-2 rounded-lg border border-slate-300 bg-slate-50 p-3 text-sm"
      onKeyDown={(e) => {
        if (e.key === "Escape") setAsking(false);
      }}
    >
      <div className="text-slate-800">{question}</div>
      <div className="flex flex-wrap gap-2">
        <button
          ref={confirmRef}
          type="button"
          className={buttonClass(variant)}
          disabled={pending}
          onClick={async () => {
            await onConfirm();
            setAsking(false);
          }}
        >
          {pending ? "Working…" : confirmLabel}
        </button>
        <Button variant="ghost" onClick={() => setAsking(false)} disabled={pending}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
