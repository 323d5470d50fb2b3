"use client";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { isTestPushRunning } from "@/lib/sage/test-push-status";
import type { TestPushResponse } from "@/lib/test-push/test-push-view";
import { callApi } from "./call-api";
import { useAction, type ActionMessage } from "./use-action";
import { ActionStatus } from "./action-message";
import { ConfirmAction } from "./confirm-action";
import { IssuedLink } from "./issued-link";
import { TEST_PUSH_OUTCOME_WORDS } from "./test-push-outcome-words";

type RenewResponse = { setupLink: { url: string; shortCode: string; expiresAt: string } };

function testPushMessage({ testPush }: TestPushResponse): ActionMessage {
  const { status } = testPush;
  const tone = status === "success" ? "success" : isTestPushRunning(status) ? "info" : "error";
  return { tone, text: `${TEST_PUSH_OUTCOME_WORDS[status]}${tone === "error" ? ` ${testPush.diagnosis.title}.` : ""}` };
}

/** A random key; crypto.randomUUID needs a secure context, getRandomValues does not. */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Run a test push (idempotent per click). */
export function RunTestPushButton({ companyId, running }: { companyId: string; running: boolean }) {
  const { pending, message, run } = useAction();
  // One key per intended push: a retry after a lost response reuses it, so it never starts two pushes.
  const key = useRef<string | null>(null);
  async function start() {
    const idempotencyKey = (key.current ??= newIdempotencyKey());
    const result = await run(
      () =>
        callApi<TestPushResponse>(`/api/companies/${companyId}/test-pushes`, {
          method: "POST",
          headers: { "Idempotency-Key": idempotencyKey },
        }),
      testPushMessage,
    );
    if (result.ok || result.status !== 0) key.current = null;
  }
  return (
    <div className="space-y-2">
      <Button onClick={start} disabled={pending || running}>
        {pending ? "Starting…" : running ? "Test push running…" : "Run a test push"}
      </Button>
      <ActionStatus message={message} />
    </div>
  );
}

/** Turn data push off (asks first). */
export function DisablePushButton({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { pending, message, run } = useAction();
  return (
    <div className="space-y-2">
      <ConfirmAction
        label="Turn off data push"
        confirmLabel="Yes, turn off data push"
        variant="danger"
        pending={pending}
        question={
          <p>
            Turn off data push for <strong>{companyName}</strong>? The integrator stops pushing to this company at once; the client
            must run a test push again to turn it back on.
          </p>
        }
        onConfirm={() =>
          run(
            () => callApi(`/api/companies/${companyId}/push`, { method: "PUT", body: { enabled: false } }),
            () => ({ tone: "success", text: "Data push is off for this company." }),
          )
        }
      />
      <ActionStatus message={message} />
    </div>
  );
}

/** Issue a new setup link (asks first: the old one stops working), then show it once. */
export function RenewLinkButton({ companyId, hasLink }: { companyId: string; hasLink: boolean }) {
  const { pending, message, run } = useAction();
  const [issued, setIssued] = useState<RenewResponse["setupLink"] | null>(null);
  return (
    <div className="space-y-3">
      <ConfirmAction
        label={hasLink ? "Renew the setup link" : "Issue a setup link"}
        confirmLabel={hasLink ? "Yes, issue a new link" : "Issue the link"}
        pending={pending}
        question={
          hasLink ? (
            <p>The current link and short code stop working at once, and a client using them is signed out. Issue a new one?</p>
          ) : (
            <p>Issue a setup link for the client?</p>
          )
        }
        onConfirm={async () => {
          setIssued(null);
          const result = await run(
            () => callApi<RenewResponse>(`/api/companies/${companyId}/setup-link`, { method: "POST" }),
            () => ({ tone: "success", text: "New setup link issued. Copy it below: it is shown only once." }),
          );
          if (result.ok) setIssued(result.data.setupLink);
        }}
      />
      <ActionStatus message={message} />
      {issued ? <IssuedLink {...issued} /> : null}
    </div>
  );
}
