import type { ReactNode } from "react";

/** A picture of a screen with its short caption under it; the picture carries its full description. */
export function FigureFrame({ caption, className = "", children }: { caption: string; className?: string; children: ReactNode }) {
  return (
    <figure className={`mx-auto w-full max-w-md ${className}`}>
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-slate-50 p-2 shadow-sm">{children}</div>
      <figcaption className="mt-2 text-sm text-slate-600">{caption}</figcaption>
    </figure>
  );
}
