"use client";
import type { FormEvent } from "react";
import { embedSettingsSchema, parseOriginList } from "@/lib/embed/embed-settings-schema";
import type { EmbedSettingsView } from "@/lib/embed/save-embed-settings";
import { BRAND_LOGOS } from "@/lib/sage/brand-logos";
import { MIN_CONTRAST_WITH_WHITE } from "@/lib/sage/brand-colour";
import { Field, TextInput, describedBy, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { useCheckedPut } from "./use-checked-put";
import { ActionStatus } from "./action-message";

/**
 * Where clients' wizards may be embedded (the origins allowed to frame them) and the branding they
 * show: the integrator's logo and primary colour (wizard, emails, embed).
 */
export function EmbedSettingsForm({ settings, allowLocalHttp }: { settings: EmbedSettingsView; allowLocalHttp: boolean }) {
  const { pending, message, errors, save } = useCheckedPut("/api/embed-settings", "Embedding and branding saved.");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      allowedOrigins: parseOriginList(String(form.get("allowedOrigins") ?? "")),
      logo: String(form.get("logo") ?? ""),
      primaryColour: String(form.get("primaryColour") ?? ""),
    };
    await save(embedSettingsSchema({ allowLocalHttp }), input);
  }

  const attrs = (id: string, key: string) => ({
    id,
    "aria-invalid": errors[key] ? true : undefined,
    "aria-describedby": describedBy(id, { hint: true, error: errors[key] }),
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <Field
        id="embed-origins"
        label="Origins allowed to embed the wizard"
        hint={`One per line, like https://app.example.com (no path). Only these pages may show the wizard in an iframe with /embed.js.${allowLocalHttp ? " Outside production, http://localhost and http://127.0.0.1 origins are allowed too." : ""}`}
        error={errors.allowedOrigins}
      >
        <textarea name="allowedOrigins" rows={3} defaultValue={settings.allowedOrigins.join("\n")} className={inputClass} {...attrs("embed-origins", "allowedOrigins")} />
      </Field>
      <Field id="embed-logo" label="Logo" hint="Shown above the wizard and in emails." error={errors.logo}>
        <select name="logo" defaultValue={settings.logo} className={inputClass} {...attrs("embed-logo", "logo")}>
          {BRAND_LOGOS.map((logo) => (
            <option key={logo.key} value={logo.key}>
              {logo.label}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="embed-colour"
        label="Primary colour"
        hint={`A hex colour for buttons and links, like #174bb0. White text on it must reach a contrast of ${MIN_CONTRAST_WITH_WHITE}:1 (WCAG AA).`}
        error={errors.primaryColour}
      >
        <TextInput name="primaryColour" defaultValue={settings.primaryColour} spellCheck={false} {...attrs("embed-colour", "primaryColour")} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save embedding and branding"}
      </Button>
      <ActionStatus message={message} />
    </form>
  );
}
