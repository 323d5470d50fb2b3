"use client";
import { useState, type FormEvent } from "react";
import { contactEmailSchema } from "@/lib/support/contact-email-schema";
import { Button } from "@/components/ui/button";
import { Field, TextInput, describedBy } from "@/components/ui/field";
import { callApi } from "./call-api";
import { useAction } from "./use-action";
import { ActionStatus } from "./action-message";
import { ConfirmAction } from "./confirm-action";

type EmailedResponse = { emailed: { to: string; expiresAt: string } };

/**
 * Email the client a fresh setup link (asks first when a link is active: it stops working). Without a
 * contact email, says one is needed instead.
 */
export function EmailLinkButton({ companyId, contactEmail, hasLink }: { companyId: string; contactEmail: string | null; hasLink: boolean }) {
  const { pending, message, run } = useAction();
  if (!contactEmail) {
    return <p className="text-sm text-slate-700">To email the link, add the client&apos;s contact email below first.</p>;
  }
  return (
    <div className="space-y-2">
      <ConfirmAction
        label={hasLink ? "Resend the setup link by email" : "Email a setup link"}
        confirmLabel="Send the email"
        pending={pending}
        question={
          <p>
            Send a new setup link to <strong>{contactEmail}</strong>?{hasLink ? " The current link and short code stop working at once." : ""}
          </p>
        }
        onConfirm={() =>
          run(
            () => callApi<EmailedResponse>(`/api/companies/${companyId}/setup-link/email`, { method: "POST" }),
            (data) => ({ tone: "success", text: `Setup link emailed to ${data.emailed.to}.` }),
          )
        }
      />
      <ActionStatus message={message} />
    </div>
  );
}

/** Set or clear where the client's emails go. */
export function ContactEmailForm({ companyId, contactEmail }: { companyId: string; contactEmail: string | null }) {
  const { pending, message, setMessage, run } = useAction();
  const [error, setError] = useState<string | undefined>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = contactEmailSchema.safeParse({ contactEmail: String(new FormData(event.currentTarget).get("contactEmail") ?? "").trim() });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      setMessage(null);
      return;
    }
    setError(undefined);
    const result = await run(
      () => callApi(`/api/companies/${companyId}/contact`, { method: "PUT", body: { contactEmail: parsed.data.contactEmail ?? "" } }),
      () => ({ tone: "success", text: parsed.data.contactEmail ? "Contact email saved." : "Contact email removed." }),
    );
    if (!result.ok) setError(result.fields.contactEmail);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <Field id="contact-email" label="Client's contact email" hint="Setup links and reminders go here." error={error}>
        <TextInput
          id="contact-email"
          name="contactEmail"
          type="email"
          autoComplete="off"
          defaultValue={contactEmail ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy("contact-email", { hint: true, error })}
        />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save contact email"}
      </Button>
      <ActionStatus message={message} />
    </form>
  );
}
