import { formatDateTime, timeAgo } from "./format";

/** A time as "3 hours ago", with the exact time for screen readers, tooltips and machines. */
export function When({ iso, now, className = "" }: { iso: string | null; now: Date; className?: string }) {
  if (!iso) return <span className={className}>—</span>;
  const exact = formatDateTime(iso);
  return (
    <time dateTime={iso} title={exact} className={className}>
      {timeAgo(iso, now)}
      <span className="sr-only"> ({exact})</span>
    </time>
  );
}
