import type { ReactNode } from "react";

type Tone = "info" | "success" | "warning" | "error";
const tones: Record<Tone, string> = {
  info: "border-brand-600/30 bg-brand-50 text-brand-800",
  success: "border-emerald-600/30 bg-emerald-50 text-emerald-900",
  warning: "border-amber-600/40 bg-amber-50 text-amber-900",
  error: "border-red-600/40 bg-red-50 text-red-900",
};

export function Alert({ tone = "info", title, children, role }: { tone?: Tone; title?: string; children?: ReactNode; role?: "alert" | "status" }) {
  return (
    <div role={role} className={`rounded-lg border px-4 py-3 text-sm ${tones[tone]}`}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : ""}>{children}</div> : null}
    </div>
  );
}
