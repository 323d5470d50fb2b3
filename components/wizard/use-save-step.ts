"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { SavableStep } from "@/lib/setup/wizard-step-schemas";
import type { WizardView } from "@/lib/setup/wizard-view";
import { nextStepHref } from "./step-paths";
import type { ApiError } from "@/components/api/fetch-json";
import { saveStep, setupQueryKey } from "./wizard-api";

/**
 * Saves one step on the server and, when it worked, goes to the next step of the flow. The cache
 * takes the server's answer first, so the stepper is right before the next page arrives.
 */
export function useSaveStep<B extends object>(companyId: string, step: SavableStep) {
  const client = useQueryClient();
  const router = useRouter();
  return useMutation<WizardView, ApiError, B>({
    mutationFn: (body) => saveStep(companyId, step, body),
    onSuccess: (view) => {
      client.setQueryData(setupQueryKey(companyId), view);
      router.push(nextStepHref(view.company.flow, step));
    },
  });
}
