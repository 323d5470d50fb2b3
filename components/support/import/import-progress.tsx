import type { ImportProgress } from "./run-import";

/** The run's progress bar and its count, announced politely as each batch comes back. */
export function ImportProgressBar({ progress, running }: { progress: ImportProgress; running: boolean }) {
  const { done, total, invited, refused } = progress;
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  const text = `${invited} of ${total} invited${refused ? `, ${refused} refused` : ""}${running ? ` · ${done} of ${total} done` : ""}`;
  return (
    <div className="space-y-2">
      <div
        role="progressbar"
        aria-label="Invitations"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total} done`}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-600 transition-[width] duration-300" style={{ width: `${percent}%` }} />
      </div>
      <p aria-live="polite" className="text-sm font-medium text-slate-800" data-testid="import-progress-text">
        {running ? "Inviting… " : "Finished: "}
        {text}
      </p>
    </div>
  );
}
