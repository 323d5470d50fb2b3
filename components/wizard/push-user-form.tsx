"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Controller, useForm, type FieldPath } from "react-hook-form";
import { MAX_EVERYDAY_USERNAMES } from "@/lib/sage/usernames";
import type { PushUserForm, PushUserFormInput } from "@/lib/sage/push-user-form-schema";
import { Field, TextInput, describedBy, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useSaveStep } from "./use-save-step";
import { useWizardView } from "./use-wizard-view";
import { lazyResolver } from "./lazy-resolver";

/** The API route's schema (lib/sage/push-user-form-schema.ts), loaded when the client first reaches into the form. */
const pushUser = lazyResolver(() => import("./step-form-resolvers").then((m) => m.pushUserResolver));

const FORM_FIELDS = new Set(["pushUsername", "everydayUsernames"]);

/** The form's longer sentences, written by the step's server component (they travel with the page, not in this script). */
export type PushUserFormWords = { everydayHint: ReactNode; noPassword: ReactNode };

/** Step 2's form: the push user's username and the everyday usernames, checked for a clash. No passwords. */
export function PushUserFormClient({ companyId, words }: { companyId: string; words: PushUserFormWords }) {
  const { view } = useWizardView(companyId);
  const saved = view.progress;
  const initialEveryday = saved.everydayUsernames.length > 0 ? saved.everydayUsernames : [""];
  const form = useForm<PushUserFormInput, unknown, PushUserForm>({
    resolver: pushUser.resolver,
    defaultValues: { pushUsername: saved.pushUsername ?? view.suggestedPushUsername, everydayUsernames: initialEveryday },
  });
  const { control, handleSubmit, setError, getValues, setValue, setFocus, formState } = form;
  const { errors, isSubmitted } = formState;
  const save = useSaveStep<PushUserForm>(companyId, "push-user");

  const [rowIds, setRowIds] = useState(() => initialEveryday.map((_, i) => `row-${i}`));
  const nextRowId = useRef(initialEveryday.length);
  const focusAfterRender = useRef<number | null>(null);
  useEffect(() => {
    const index = focusAfterRender.current;
    if (index === null) return;
    focusAfterRender.current = null;
    setFocus(`everydayUsernames.${index}`);
  }, [rowIds, setFocus]);

  function addRow() {
    const values = getValues("everydayUsernames");
    setValue("everydayUsernames", [...values, ""]);
    setRowIds((ids) => [...ids, `row-${nextRowId.current++}`]);
    focusAfterRender.current = values.length;
  }

  function removeRow(index: number) {
    const values = getValues("everydayUsernames").filter((_, i) => i !== index);
    setValue("everydayUsernames", values, { shouldValidate: isSubmitted });
    setRowIds((ids) => ids.filter((_, i) => i !== index));
    focusAfterRender.current = Math.max(0, index - 1);
  }

  const onSubmit = handleSubmit((values) =>
    save.mutate(values, {
      onError: (error) => {
        for (const issue of error.fields) {
          if (FORM_FIELDS.has(issue.path.split(".")[0] ?? "")) {
            setError(issue.path as FieldPath<PushUserFormInput>, { type: "server", message: issue.message }, { shouldFocus: true });
          }
        }
      },
    }),
  );

  const everydayErrors = errors.everydayUsernames;
  const listError = everydayErrors?.message ?? everydayErrors?.root?.message;
  const serverFormError = save.isError && save.error.fields.every((f) => !FORM_FIELDS.has(f.path.split(".")[0] ?? "")) ? save.error.message : null;

  return (
    <form onSubmit={onSubmit} onFocus={pushUser.preload} onPointerDown={pushUser.preload} noValidate className="space-y-6">
      {serverFormError ? (
        <Alert tone="error" title="That did not save" role="alert">
          {serverFormError}
        </Alert>
      ) : null}

      <Controller
        control={control}
        name="pushUsername"
        render={({ field, fieldState }) => (
          <Field
            id="push-username"
            label="The push user's username"
            hint="Exactly as you typed it in Sage 50: letters, numbers and spaces."
            error={fieldState.error?.message}
          >
            <TextInput
              {...field}
              id="push-username"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={fieldState.error ? true : undefined}
              aria-describedby={describedBy("push-username", { hint: true, error: fieldState.error })}
              className="max-w-md font-mono text-base"
            />
          </Field>
        )}
      />

      <fieldset aria-describedby={`everyday-hint${listError ? " everyday-error" : ""}`} className="space-y-3">
        <legend className="text-sm font-semibold text-slate-800">Usernames people use every day to open Sage 50</legend>
        <p id="everyday-hint" className="text-sm text-slate-600">
          {words.everydayHint}
        </p>
        <ul className="space-y-3">
          {rowIds.map((rowId, index) => {
            const id = `everyday-${index}`;
            return (
              <li key={rowId}>
                <Controller
                  control={control}
                  name={`everydayUsernames.${index}`}
                  render={({ field, fieldState }) => (
                    <div className="space-y-1">
                      <label htmlFor={id} className="sr-only">
                        Everyday username {index + 1}
                      </label>
                      <div className="flex max-w-md items-center gap-2">
                        <input
                          {...field}
                          id={id}
                          autoComplete="off"
                          spellCheck={false}
                          aria-invalid={fieldState.error ? true : undefined}
                          aria-describedby={fieldState.error ? `${id}-error` : undefined}
                          className={`${inputClass} font-mono text-base`}
                        />
                        {rowIds.length > 1 ? (
                          <Button variant="ghost" onClick={() => removeRow(index)} className="shrink-0">
                            Remove<span className="sr-only"> everyday username {index + 1}</span>
                          </Button>
                        ) : null}
                      </div>
                      {fieldState.error ? (
                        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
                          {fieldState.error.message}
                        </p>
                      ) : null}
                    </div>
                  )}
                />
              </li>
            );
          })}
        </ul>
        {listError ? (
          <p id="everyday-error" className="text-sm font-medium text-red-700">
            {listError}
          </p>
        ) : null}
        {rowIds.length < MAX_EVERYDAY_USERNAMES ? (
          <Button variant="secondary" onClick={addRow}>
            <span aria-hidden="true">+</span> Add another username
          </Button>
        ) : null}
      </fieldset>

      <div className="flex flex-wrap items-center gap-4 border-t border-slate-200 pt-6">
        <Button type="submit" disabled={save.isPending || save.isSuccess} className="px-6 py-3 text-base">
          {save.isPending || save.isSuccess ? "Saving…" : "Save and continue"} <span aria-hidden="true">→</span>
        </Button>
        <p className="text-sm text-slate-600">{words.noPassword}</p>
      </div>
    </form>
  );
}
