import type { ActionMessage } from "./use-action";

const tones = {
  success: "text-emerald-800",
  error: "text-red-700",
  info: "text-slate-700",
} as const;

/** A polite live region that always exists, so screen readers announce what an action did. */
export function ActionStatus({ message, id }: { message: ActionMessage; id?: string }) {
  return (
    <p id={id} role="status" aria-live="polite" className={`min-h-5 text-sm font-medium ${message ? tones[message.tone] : ""}`}>
      {message?.text ?? ""}
    </p>
  );
}
