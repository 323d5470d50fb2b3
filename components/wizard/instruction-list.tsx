import type { ReactNode } from "react";

export type Instruction = {
  /** Stable key. */
  id: string;
  title: ReactNode;
  body?: ReactNode;
  /** An illustration (or anything else) shown beside the text on wide screens, under it on phones. */
  figure?: ReactNode;
};

/**
 * Numbered instructions with their pictures. The numbers are real list numbers for assistive
 * technology; the circles repeat them visually.
 */
export function InstructionList({ items, start = 1, label }: { items: Instruction[]; start?: number; label?: string }) {
  return (
    <ol start={start} aria-label={label} className="space-y-8">
      {items.map((item, i) => (
        <li key={item.id} className={`grid gap-4 ${item.figure ? "lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)] lg:gap-8" : ""}`}>
          <div className="flex gap-4">
            <span aria-hidden="true" className="grid h-9 w-9 shrink-0 place-items-center rounded-full bg-brand-600 text-base font-bold text-white">
              {start + i}
            </span>
            <div className="min-w-0 pt-1">
              <p className="font-semibold text-slate-900">{item.title}</p>
              {item.body ? <div className="mt-2 space-y-2 text-slate-700">{item.body}</div> : null}
            </div>
          </div>
          {item.figure ? <div className="pl-13 lg:pl-0">{item.figure}</div> : null}
        </li>
      ))}
    </ol>
  );
}

/** A titled part of a step. */
export function StepSection({ title, id, children, description }: { title: string; id: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-5">
      <div>
        <h2 id={id} className="text-xl font-bold text-slate-900">
          {title}
        </h2>
        {description ? <div className="mt-1 max-w-3xl text-slate-700">{description}</div> : null}
      </div>
      {children}
    </section>
  );
}

/** A keyboard key or a menu path, styled like Sage 50's menus. */
export function Ui({ children }: { children: ReactNode }) {
  return <strong className="font-semibold text-slate-900">{children}</strong>;
}
