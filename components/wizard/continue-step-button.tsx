"use client";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useSaveStep } from "./use-save-step";

/** Saves a step that takes no input (e.g. "Before you start") and moves on. */
export function ContinueStepButton({ companyId, label }: { companyId: string; label: string }) {
  const save = useSaveStep<Record<string, never>>(companyId, "before-start");
  return (
    <div className="space-y-3">
      {save.isError ? (
        <Alert tone="error" title="That did not save" role="alert">
          {save.error.message}
        </Alert>
      ) : null}
      <Button onClick={() => save.mutate({})} disabled={save.isPending || save.isSuccess} className="px-6 py-3 text-base">
        {save.isPending || save.isSuccess ? "Saving…" : label} <span aria-hidden="true">→</span>
      </Button>
    </div>
  );
}
