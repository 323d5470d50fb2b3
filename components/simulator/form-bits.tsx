"use client";
import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** A label above an input, tied together for assistive technology. */
export function LabelledInput({ label, hint, ...props }: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-semibold text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...props} className={`${inputClass} ${props.className ?? ""}`} />
    </div>
  );
}

export function LabelledSelect({
  label,
  value,
  onChange,
  children,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-semibold text-slate-800">
        {label}
      </label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} className={inputClass}>
        {children}
      </select>
    </div>
  );
}

/** A form's submit button that says when its action is running. */
export function SubmitButton({
  busy,
  children,
  busyText = "Working…",
  variant = "primary",
  disabled,
}: {
  busy: boolean;
  children: ReactNode;
  busyText?: string;
  variant?: "primary" | "secondary" | "danger";
  disabled?: boolean;
}) {
  return (
    <button type="submit" disabled={busy || disabled} aria-disabled={busy || disabled} className={buttonClass(variant)}>
      {busy ? busyText : children}
    </button>
  );
}

/** Key–value facts, as a description list. */
export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
      {items.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-semibold text-slate-700">{term}</dt>
          <dd className="break-all text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
