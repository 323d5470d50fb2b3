"use client";
import { useState, type FormEvent } from "react";
import { importByIdFormSchema } from "@/lib/import/import-schema";
import { Field, TextInput, describedBy } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

/** A Codat company ID typed or pasted in, added to the selection (checked with the route's own rule). */
export function AddByIdForm({ disabled, onAdd }: { disabled: boolean; onAdd: (codatCompanyId: string) => string }) {
  const [error, setError] = useState<string | undefined>();
  const [note, setNote] = useState("");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = importByIdFormSchema.safeParse({ codatCompanyId: String(new FormData(form).get("codatCompanyId") ?? "") });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Enter a Codat company ID.");
      setNote("");
      return;
    }
    setError(undefined);
    setNote(onAdd(parsed.data.codatCompanyId));
    form.reset();
  }

  const id = "import-by-id";
  const hint = "Codat shows it on the company's page; it is also the connector's license key.";
  return (
    <form onSubmit={submit} noValidate className="space-y-2" aria-label="Add a company by its Codat company ID">
      <Field id={id} label="Codat company ID" hint={hint} error={error}>
        <div className="flex flex-wrap gap-2">
          <TextInput
            id={id}
            name="codatCompanyId"
            autoComplete="off"
            spellCheck={false}
            placeholder="3fa85f64-5717-4562-b3fc-2c963f66afa6"
            className="min-w-[18rem] flex-1 font-mono"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, { hint, error })}
          />
          <Button type="submit" variant="secondary" disabled={disabled}>
            Add to selection
          </Button>
        </div>
      </Field>
      <p role="status" className="text-sm text-slate-700">
        {note}
      </p>
    </form>
  );
}
