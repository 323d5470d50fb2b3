"use client";
import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Field, TextInput, describedBy } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { callApi } from "./call-api";
import { fieldErrors } from "./field-errors";
import { IssuedLink } from "./issued-link";

/**
 * The API route's schema, fetched when support first reaches into the form: zod is not part of the
 * /support page's JavaScript. Should it fail to load, the route checks the input with the same schema.
 */
const loadSchema = () => import("@/lib/setup/create-setup-schema").then((m) => m.createSetupSchema);
let schemaLoading: Promise<Awaited<ReturnType<typeof loadSchema>> | null> | null = null;
function schema() {
  schemaLoading ??= loadSchema().catch(() => {
    schemaLoading = null; // the next submit tries again
    return null;
  });
  return schemaLoading;
}

type Created = { company: { id: string; name?: string }; setupLink: { url: string; shortCode: string; expiresAt: string } };

/** Support creates a setup: name and contact email in, the company and its setup link (shown once) out. */
export function NewSetupForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<(Created & { name: string }) | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get("name") ?? ""), contactEmail: String(form.get("contactEmail") ?? "") };
    const parsed = (await schema())?.safeParse(input);
    setFailure(null);
    if (parsed && !parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setPending(true);
    const res = await callApi<Created>("/api/companies", { method: "POST", body: input });
    setPending(false);
    if (!res.ok) {
      setErrors(res.fields);
      setFailure(res.message);
      return;
    }
    setCreated({ ...res.data, name: parsed?.data.name ?? input.name.trim() });
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <div aria-live="polite" className="space-y-3">
        {failure ? (
          <Alert tone="error" title="The setup was not created">
            {failure}
          </Alert>
        ) : null}
        {created ? (
          <div className="space-y-3">
            <Alert tone="success" title={`Setup created for ${created.name}`}>
              <Link href={`/support/companies/${created.company.id}`} className="font-semibold underline">
                Open {created.name}
              </Link>
            </Alert>
            <IssuedLink {...created.setupLink} />
          </div>
        ) : null}
      </div>
      <form onSubmit={submit} onFocus={() => void schema()} noValidate className="grid gap-4 sm:grid-cols-2">
        <Field id="new-setup-name" label="Company name" error={errors.name}>
          <TextInput
            id="new-setup-name"
            name="name"
            required
            autoComplete="organization"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy("new-setup-name", { error: errors.name })}
          />
        </Field>
        <Field id="new-setup-email" label="Contact email (optional)" error={errors.contactEmail}>
          <TextInput
            id="new-setup-email"
            name="contactEmail"
            type="email"
            autoComplete="email"
            aria-invalid={errors.contactEmail ? true : undefined}
            aria-describedby={describedBy("new-setup-email", { error: errors.contactEmail })}
          />
        </Field>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create setup and link"}
          </Button>
        </div>
      </form>
    </div>
  );
}
