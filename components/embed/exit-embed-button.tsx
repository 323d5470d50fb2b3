"use client";
import { embedEvent } from "@/lib/sage/embed-events";
import { Button } from "@/components/ui/button";
import { emitEmbedEvent } from "./embed-events";

/** Inside the integrator's page the wizard has no Sign out: leaving asks the host to close it (`exit`). */
export function ExitEmbedButton({ companyId }: { companyId: string }) {
  return (
    <Button type="button" variant="secondary" className="ml-auto" onClick={() => emitEmbedEvent(embedEvent("exit", companyId, { reason: "exit_button" }))}>
      Exit setup
    </Button>
  );
}
