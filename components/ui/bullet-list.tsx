/** A short titled list of plain statements, each with a brand-coloured dot. */
export function BulletList({ title, items }: { title: string; items: readonly string[] }) {
  return (
    <div>
      <h3 className="text-lg font-bold text-slate-900">{title}</h3>
      <ul className="mt-3 space-y-2">
        {items.map((line) => (
          <li key={line} className="flex gap-3 text-slate-800">
            <span aria-hidden="true" className="mt-2 h-2 w-2 shrink-0 rounded-full bg-brand-600" />
            <span>{line}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
