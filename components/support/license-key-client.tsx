"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { revealLicenseKeyAction } from "@/lib/support/reveal-license-key-action";
import { CopyButton } from "./copy-button";

/** The license key, hidden until asked for; asking is logged (and shows in the timeline). */
export function LicenseKey({ companyId, masked }: { companyId: string; masked: string }) {
  const router = useRouter();
  const [key, setKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function reveal() {
    setPending(true);
    setError(null);
    const result = await revealLicenseKeyAction(companyId);
    setPending(false);
    if (result.ok) {
      setKey(result.licenseKey);
      router.refresh();
    } else setError(result.error);
  }

  return (
    <div className="space-y-2">
      <p className="break-all font-mono text-sm text-slate-900" data-testid="license-key">
        {key ?? <span aria-label="Hidden license key">{masked}</span>}
      </p>
      {key ? (
        <CopyButton value={key} label="Copy license key" />
      ) : (
        <Button variant="secondary" onClick={reveal} disabled={pending} className="px-3 py-1.5">
          {pending ? "Showing…" : "Show license key"}
        </Button>
      )}
      <p role="status" className="text-xs text-slate-700">
        {error ?? (key ? "Shown; this look is recorded in the timeline." : "")}
      </p>
    </div>
  );
}
