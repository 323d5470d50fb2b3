"use client";
import { useState, type FormEvent } from "react";
import { NOTE_MAX_LENGTH, noteSchema } from "@/lib/support/note-schema";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { callApi } from "./call-api";
import { useAction } from "./use-action";
import { ActionStatus } from "./action-message";

/** A note for the timeline (what the client said on the phone, what was tried). */
export function NoteForm({ companyId }: { companyId: string }) {
  const { pending, message, setMessage, run } = useAction();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = noteSchema.safeParse({ text });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Check the note.");
      setMessage(null);
      return;
    }
    setError(null);
    const result = await run(
      () => callApi(`/api/companies/${companyId}/notes`, { method: "POST", body: parsed.data }),
      () => ({ tone: "success", text: "Note added to the timeline." }),
    );
    if (result.ok) setText("");
    else setError(result.fields.text ?? null);
  }

  const left = NOTE_MAX_LENGTH - text.length;
  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <label htmlFor="note-text" className="block text-sm font-semibold text-slate-800">
        Note
      </label>
      <textarea
        id="note-text"
        name="text"
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`note-count${error ? " note-error" : ""}`}
        className={inputClass}
      />
      <p id="note-count" className={`text-xs ${left < 0 ? "font-semibold text-red-700" : "text-slate-600"}`}>
        {left >= 0 ? `${left.toLocaleString("en-GB")} characters left` : `${(-left).toLocaleString("en-GB")} characters too many`}
      </p>
      {error ? (
        <p id="note-error" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add note"}
      </Button>
      <ActionStatus message={message} />
    </form>
  );
}
