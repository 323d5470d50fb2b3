import type { ReactNode } from "react";

/** A Windows-style application window: a title bar (the window's heading) and its body. */
export function WindowFrame({
  id,
  title,
  icon,
  children,
  titleClass = "bg-[#1f4e8c]",
}: {
  id: string;
  title: string;
  icon: ReactNode;
  children: ReactNode;
  titleClass?: string;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="overflow-hidden rounded-lg border border-slate-500 bg-white shadow-xl">
      <div className={`flex items-center justify-between gap-2 px-3 py-1.5 text-white ${titleClass}`}>
        <h2 id={`${id}-title`} className="flex items-center gap-2 text-sm font-semibold">
          <span aria-hidden="true">{icon}</span>
          {title}
        </h2>
        <span aria-hidden="true" className="flex gap-1 text-xs">
          <span className="grid h-5 w-6 place-items-center rounded-sm bg-white/15">–</span>
          <span className="grid h-5 w-6 place-items-center rounded-sm bg-white/15">□</span>
          <span className="grid h-5 w-6 place-items-center rounded-sm bg-red-600">×</span>
        </span>
      </div>
      <div className="space-y-5 p-4 text-sm text-slate-900">{children}</div>
    </section>
  );
}

/** A titled group inside a window, like a dialog's group box. */
export function Panel({ title, children, headingLevel = 3 }: { title: string; children: ReactNode; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="rounded-md border border-slate-300 bg-slate-50 p-3">
      <Heading className="mb-2 text-sm font-bold text-slate-900">{title}</Heading>
      <div className="space-y-3">{children}</div>
    </div>
  );
}
