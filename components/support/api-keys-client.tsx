"use client";
import { useState, type FormEvent } from "react";
import { callApi } from "./call-api";
import { useAction } from "./use-action";
import { CopyButton } from "./copy-button";
import { formatDateTime } from "./format";
import { Button } from "@/components/ui/button";
import { Field, TextInput, describedBy } from "@/components/ui/field";
import { API_KEY_SCOPES, type ApiKeyScope } from "@/lib/sage/api-key-scopes";

export type ApiKeyView = { id: string; name: string; prefix: string; scopes: ApiKeyScope[]; createdAt: string; revokedAt: string | null };

const SCOPE_WORDS: Record<ApiKeyScope, { label: string; hint: string }> = {
  read: { label: "Read", hint: "setups, their state and push readiness" },
  write: { label: "Write", hint: "create setups and renew their links" },
};

/** Admin: keys for the integrator's backend (`/api/v1`), each with its scopes. A new key is shown once. */
export function ApiKeysPanel({ keys }: { keys: ApiKeyView[] }) {
  const { pending, message, run } = useAction();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["read"]);
  const [scopesError, setScopesError] = useState<string | undefined>();
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [error, setError] = useState<string | undefined>();

  async function create(e: FormEvent) {
    e.preventDefault();
    const result = await run(
      () => callApi<{ key: string; name: string }>("/api/api-keys", { method: "POST", body: { name, scopes } }),
      (data) => ({ tone: "success", text: `Key "${data.name}" created. Copy it now: it is shown only once.` }),
    );
    setError(result.ok ? undefined : (result.fields.name ?? (result.fields.scopes ? undefined : result.message)));
    setScopesError(result.ok ? undefined : result.fields.scopes);
    if (result.ok) {
      setCreated(result.data);
      setName("");
    }
  }

  return (
    <div className="space-y-4">
      <div role="status" aria-live="polite" className="text-sm">
        {message ? <p className={message.tone === "error" ? "text-red-800" : "text-emerald-900"}>{message.text}</p> : null}
      </div>
      {created ? (
        <div className="rounded-lg border border-emerald-600/30 bg-emerald-50 p-4 text-sm">
          <p className="font-semibold text-emerald-950">{created.name}</p>
          <p className="mt-1 break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900">{created.key}</p>
          <div className="mt-2">
            <CopyButton value={created.key} label="Copy key" />
          </div>
        </div>
      ) : null}
      {keys.length ? (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">API keys</caption>
          <thead>
            <tr className="border-b border-slate-200 text-slate-700">
              <th scope="col" className="py-2">Name</th>
              <th scope="col" className="py-2">Key starts with</th>
              <th scope="col" className="py-2">Scopes</th>
              <th scope="col" className="py-2">Created</th>
              <th scope="col" className="py-2">State</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} className="border-b border-slate-100">
                <td className="py-2 font-medium">{k.name}</td>
                <td className="py-2 font-mono">{k.prefix}…</td>
                <td className="py-2">{k.scopes.map((scope) => SCOPE_WORDS[scope].label).join(", ")}</td>
                <td className="py-2">{formatDateTime(k.createdAt)}</td>
                <td className="py-2">
                  {k.revokedAt ? (
                    "Revoked"
                  ) : (
                    <Button
                      variant="secondary"
                      disabled={pending}
                      onClick={() =>
                        void run(
                          () => callApi(`/api/api-keys/${k.id}`, { method: "DELETE" }),
                          () => ({ tone: "success", text: `Key "${k.name}" revoked: requests with it are refused from now on.` }),
                        )
                      }
                    >
                      Revoke {k.name}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-700">No API keys yet.</p>
      )}
      <form onSubmit={(e) => void create(e)} className="flex flex-wrap items-end gap-3" noValidate>
        <div className="min-w-64 flex-1">
          <Field id="api-key-name" label="New key name" hint='For example "Production backend".' error={error}>
            <TextInput
              id="api-key-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy("api-key-name", { hint: true, error })}
            />
          </Field>
        </div>
        <fieldset className="min-w-64" aria-describedby={scopesError ? "api-key-scopes-error" : undefined}>
          <legend className="text-sm font-medium text-slate-900">Scopes</legend>
          {API_KEY_SCOPES.map((scope) => (
            <label key={scope} className="mt-1 flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="scopes"
                value={scope}
                checked={scopes.includes(scope)}
                onChange={(e) => setScopes((now) => (e.target.checked ? [...now, scope] : now.filter((s) => s !== scope)))}
              />
              <span>
                <span className="font-medium">{SCOPE_WORDS[scope].label}</span>: {SCOPE_WORDS[scope].hint}
              </span>
            </label>
          ))}
          {scopesError ? (
            <p id="api-key-scopes-error" className="mt-1 text-sm text-red-800">
              {scopesError}
            </p>
          ) : null}
        </fieldset>
        <Button type="submit" disabled={pending}>
          Create key
        </Button>
      </form>
    </div>
  );
}
