"use client";
import { useState, type FormEvent } from "react";
import { inviteStaffSchema, STAFF_ROLE_LABELS, STAFF_ROLES } from "@/lib/support/staff-schema";
import type { StaffView } from "@/lib/support/invite-staff";
import { Field, TextInput, describedBy, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { callApi } from "./call-api";
import { fieldErrors } from "./field-errors";
import { useAction } from "./use-action";
import { CopyButton } from "./copy-button";

type Invited = { staff: StaffView; oneTimePassword: string };

/** Invite a staff member: the server makes the account and a one-time password, shown here once. */
export function InviteStaffForm() {
  const { pending, run } = useAction();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [invited, setInvited] = useState<Invited | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const input = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "") };
    const parsed = inviteStaffSchema.safeParse(input);
    setFailure(null);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setInvited(null);
    const result = await run(() => callApi<Invited>("/api/staff", { method: "POST", body: parsed.data }), () => null);
    if (result.ok) {
      setInvited(result.data);
      formEl.reset();
    } else {
      setErrors(result.fields);
      setFailure(result.message);
    }
  }

  return (
    <div className="space-y-4">
      <div aria-live="polite" className="space-y-3">
        {failure ? (
          <Alert tone="error" title="The account was not created">
            {failure}
          </Alert>
        ) : null}
        {invited ? (
          <div className="space-y-2 rounded-lg border border-emerald-600/30 bg-emerald-50 p-4 text-sm text-emerald-950">
            <p className="font-semibold">
              Account created for {invited.staff.name} ({invited.staff.email}).
            </p>
            <p>Give them this one-time password by a safe route. It is shown only now; only its hash is kept.</p>
            <p className="font-mono text-lg tracking-wider text-slate-900" data-testid="one-time-password">
              {invited.oneTimePassword}
            </p>
            <CopyButton value={invited.oneTimePassword} label="Copy password" />
          </div>
        ) : null}
      </div>
      <form onSubmit={submit} noValidate className="grid gap-4 md:grid-cols-3">
        <Field id="invite-name" label="Name" error={errors.name}>
          <TextInput id="invite-name" name="name" autoComplete="off" aria-invalid={errors.name ? true : undefined} aria-describedby={describedBy("invite-name", { error: errors.name })} />
        </Field>
        <Field id="invite-email" label="Email" error={errors.email}>
          <TextInput id="invite-email" name="email" type="email" autoComplete="off" aria-invalid={errors.email ? true : undefined} aria-describedby={describedBy("invite-email", { error: errors.email })} />
        </Field>
        <Field id="invite-role" label="Role" error={errors.role}>
          <select id="invite-role" name="role" defaultValue="support" className={inputClass} aria-describedby={describedBy("invite-role", { error: errors.role })}>
            {STAFF_ROLES.map((role) => (
              <option key={role} value={role}>
                {STAFF_ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </Field>
        <div className="md:col-span-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create account"}
          </Button>
        </div>
      </form>
    </div>
  );
}
