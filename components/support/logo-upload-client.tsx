"use client";
import { useRef, useState, type FormEvent } from "react";
import { logoUploadSchema } from "@/lib/embed/logo-upload-schema";
import type { UploadedLogoView } from "@/lib/embed/brand-logo-upload";
import { MAX_LOGO_BYTES, MAX_LOGO_SIDE, MIN_LOGO_SIDE } from "@/lib/sage/logo-image";
import { Field, describedBy, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { callApi } from "./call-api";
import { useAction } from "./use-action";
import { ActionStatus } from "./action-message";

/**
 * Upload the integrator's own logo (checked here by its bytes with the route's schema, then again by
 * the server), see it, or remove it to go back to the logo picked below.
 */
export function LogoUploadForm({ uploaded }: { uploaded: UploadedLogoView | null }) {
  const { pending, message, setMessage, run } = useAction();
  const [error, setError] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setError("Choose an image file.");
      setMessage({ tone: "error", text: "Choose an image file." });
      return;
    }
    const bytes = new Uint8Array(await file.slice(0, MAX_LOGO_BYTES + 1).arrayBuffer());
    const parsed = logoUploadSchema.safeParse(bytes);
    if (!parsed.success) {
      const text = parsed.error.issues[0]?.message ?? "The logo was not accepted.";
      setError(text);
      setMessage({ tone: "error", text });
      return;
    }
    setError(undefined);
    const result = await run(
      () => callApi("/api/embed-settings/logo", { method: "POST", body: new Blob([bytes]) }),
      () => ({ tone: "success", text: "Logo uploaded. The wizard, emails and embed show it now." }),
    );
    if (!result.ok) setError(result.message);
    else if (input.current) input.current.value = "";
  }

  return (
    <div className="space-y-3">
      {uploaded ? (
        <div className="flex items-center gap-3">
          {/* eslint-disable-next-line @next/next/no-img-element -- the uploaded logo, served by its hash */}
          <img src={uploaded.path} alt="The uploaded logo" width={40} height={40} className="h-10 w-10 object-contain" />
          <p className="text-sm text-slate-700">
            Uploaded logo in use ({uploaded.contentType.replace("image/", "").toUpperCase()}, {uploaded.width}×{uploaded.height} pixels).
          </p>
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => void run(() => callApi("/api/embed-settings/logo", { method: "DELETE" }), () => ({ tone: "success", text: "Uploaded logo removed." }))}
          >
            Remove uploaded logo
          </Button>
        </div>
      ) : null}
      <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <Field
            id="embed-logo-file"
            label="Upload your logo"
            hint={`PNG, JPEG or WebP, at most ${MAX_LOGO_BYTES / 1024} KB, each side ${MIN_LOGO_SIDE} to ${MAX_LOGO_SIDE} pixels (shown 40 pixels high; emails show your name instead of a WebP logo, which some mail clients cannot display). It replaces the logo picked below while it is uploaded.`}
            error={error}
          >
            <input
              ref={input}
              id="embed-logo-file"
              name="logoFile"
              type="file"
              accept="image/png,image/jpeg,image/webp"
              className={inputClass}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy("embed-logo-file", { hint: true, error })}
            />
          </Field>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Uploading…" : "Upload logo"}
        </Button>
      </form>
      <ActionStatus message={message} />
    </div>
  );
}
