"use client";
import type { FormEvent } from "react";
import { parseCurrencyList, settingsSchema } from "@/lib/support/settings-schema";
import { TEST_PUSH_TIMEOUT_MINUTES } from "@/lib/sage/test-push-status";
import { REMINDER_DELAY_DAYS } from "@/lib/sage/reminders";
import type { SettingsView } from "@/lib/support/save-settings";
import { Field, TextInput, describedBy } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { useCheckedPut } from "./use-checked-put";
import { ActionStatus } from "./action-message";

/** The integrator's settings: name, currencies it pushes, and the support contact shown to clients. */
export function SettingsForm({ settings }: { settings: SettingsView }) {
  const { pending, message, errors, save } = useCheckedPut("/api/settings", "Settings saved.");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      integratorName: String(form.get("integratorName") ?? ""),
      pushCurrencies: parseCurrencyList(String(form.get("pushCurrencies") ?? "")),
      supportContact: String(form.get("supportContact") ?? ""),
      testPushTimeoutMinutes: numberFrom(form.get("testPushTimeoutMinutes")),
      remindersEnabled: form.get("remindersEnabled") === "on",
      reminderDelayDays: numberFrom(form.get("reminderDelayDays")),
    };
    await save(settingsSchema, input);
  }

  const attrs = (id: string, key: string, hint = false) => ({
    id,
    "aria-invalid": errors[key] ? true : undefined,
    "aria-describedby": describedBy(id, { hint, error: errors[key] }),
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field id="settings-name" label="Integrator name" hint="Shown to clients in the wizard, and used to suggest the push user's name." error={errors.integratorName}>
        <TextInput name="integratorName" defaultValue={settings.integratorName} {...attrs("settings-name", "integratorName", true)} />
      </Field>
      <Field
        id="settings-currencies"
        label="Currencies you push"
        hint="ISO codes separated by commas, like GBP, EUR. Leave empty if you only push in each company's own currency. Any other currency makes the wizard ask for Foreign Trader."
        error={errors.pushCurrencies}
      >
        <TextInput name="pushCurrencies" defaultValue={settings.pushCurrencies.join(", ")} autoCapitalize="characters" {...attrs("settings-currencies", "pushCurrencies", true)} />
      </Field>
      <Field id="settings-contact" label="Support contact shown to clients" hint="An email address, phone number or web address." error={errors.supportContact}>
        <TextInput name="supportContact" defaultValue={settings.supportContact} {...attrs("settings-contact", "supportContact", true)} />
      </Field>
      <Field
        id="settings-timeout"
        label="Test push deadline (minutes)"
        hint={`How long a test push waits for the connector before it is reported as timed out, from ${TEST_PUSH_TIMEOUT_MINUTES.min} to ${TEST_PUSH_TIMEOUT_MINUTES.max}. Applies to test pushes started after you save.`}
        error={errors.testPushTimeoutMinutes}
      >
        <TextInput
          name="testPushTimeoutMinutes"
          type="number"
          inputMode="numeric"
          min={TEST_PUSH_TIMEOUT_MINUTES.min}
          max={TEST_PUSH_TIMEOUT_MINUTES.max}
          step={1}
          defaultValue={String(settings.testPushTimeoutMinutes)}
          {...attrs("settings-timeout", "testPushTimeoutMinutes", true)}
        />
      </Field>
      <div className="flex items-start gap-2">
        <input
          id="settings-reminders"
          name="remindersEnabled"
          type="checkbox"
          defaultChecked={settings.remindersEnabled}
          aria-describedby="settings-reminders-hint"
          className="mt-1 h-4 w-4"
        />
        <div>
          <label htmlFor="settings-reminders" className="font-medium">
            Email reminders for stalled setups
          </label>
          <p id="settings-reminders-hint" className="text-sm text-slate-600">
            When a client with a contact email makes no progress, they get a reminder with a link back to the setup: at most 3, one per delay below.
          </p>
        </div>
      </div>
      <Field
        id="settings-reminder-delay"
        label="Reminder delay (days)"
        hint={`Days without progress before a reminder, and between reminders, from ${REMINDER_DELAY_DAYS.min} to ${REMINDER_DELAY_DAYS.max}.`}
        error={errors.reminderDelayDays}
      >
        <TextInput
          name="reminderDelayDays"
          type="number"
          inputMode="numeric"
          min={REMINDER_DELAY_DAYS.min}
          max={REMINDER_DELAY_DAYS.max}
          step={1}
          defaultValue={String(settings.reminderDelayDays)}
          {...attrs("settings-reminder-delay", "reminderDelayDays", true)}
        />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
      <ActionStatus message={message} />
    </form>
  );
}

/** The number field as a number for the schema; an empty or non-numeric entry stays invalid (NaN). */
function numberFrom(value: FormDataEntryValue | null): number {
  const text = typeof value === "string" ? value.trim() : "";
  return text === "" ? Number.NaN : Number(text);
}
