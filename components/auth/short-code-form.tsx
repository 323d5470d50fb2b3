"use client";
import { useActionState } from "react";
import { enterShortCodeAction, type ShortCodeState } from "@/lib/setup-links/enter-short-code-action";
import { Field, TextInput, describedBy } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

export function ShortCodeForm({ embedOrigin }: { embedOrigin: string | null }) {
  const [state, action, pending] = useActionState<ShortCodeState, FormData>(enterShortCodeAction, {});
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      {embedOrigin ? <input type="hidden" name="embedOrigin" value={embedOrigin} /> : null}
      <Field id="code" label="Setup code" hint="8 letters and digits, like K7QP-4XZ2. Dashes and spaces are fine." error={state.error}>
        <TextInput
          id="code"
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          defaultValue={state.code}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={describedBy("code", { hint: true, error: state.error })}
          className="font-mono text-lg tracking-widest"
        />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Checking…" : "Continue"}
      </Button>
    </form>
  );
}
