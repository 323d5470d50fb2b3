/**
 * A short titled list of plain statements, each with a brand-coloured dot. Its title is an h3 under
 * an h2, or an h2 (`level={2}`) right under the page's h1: headings never skip a level.
 */
export function BulletList({ title, items, level = 3 }: { title: string; items: readonly string[]; level?: 2 | 3 }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <div>
      <Heading className="text-lg font-bold text-slate-900">{title}</Heading>
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
