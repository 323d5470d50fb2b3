"use client";
import { callApi } from "./call-api";
import { useAction } from "./use-action";
import { ActionStatus } from "./action-message";
import { ConfirmAction } from "./confirm-action";

/** Send the client back to this step (asks first). */
export function ResetStepButton({
  companyId,
  step,
  title,
  pushEnabled,
}: {
  companyId: string;
  step: string;
  title: string;
  pushEnabled: boolean;
}) {
  const { pending, message, run } = useAction();
  const hintId = `reset-${step}-hint`;
  return (
    <div className="space-y-1">
      <ConfirmAction
        label={`Reset “${title}”`}
        confirmLabel="Yes, reset this step"
        variant="danger"
        pending={pending}
        disabled={pushEnabled}
        describedBy={pushEnabled ? hintId : undefined}
        question={
          <p>
            Clear what the client saved for “{title}” and the steps after it? The client does them again from the setup link. The
            test push history and the connection stay as they are.
          </p>
        }
        onConfirm={() =>
          run(
            () => callApi(`/api/companies/${companyId}/steps/${step}/reset`, { method: "POST" }),
            () => ({ tone: "success", text: `“${title}” was reset.` }),
          )
        }
      />
      {pushEnabled ? (
        <p id={hintId} className="text-xs text-slate-600">
          Turn data push off before resetting a step.
        </p>
      ) : null}
      <ActionStatus message={message} />
    </div>
  );
}
