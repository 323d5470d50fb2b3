import type { CompanyDetail } from "@/lib/support/load-company-detail";
import { Card } from "@/components/ui/card";
import { DisablePushButton, RenewLinkButton, RunTestPushButton } from "./company-actions-client";
import { ContactEmailForm, EmailLinkButton } from "./email-link-client";
import { NoteForm } from "./note-form-client";
import { formatDateTime } from "./format";

const LINK_STATE: Record<CompanyDetail["setupLink"]["state"], string> = {
  active: "A setup link is active",
  expired: "The setup link has expired",
  replaced: "The setup link was replaced",
  none: "No setup link has been issued",
};

/** What support can do for this company; each action is logged and appears in the timeline at once. */
export function ActionsCard({
  detail,
  can,
}: {
  detail: CompanyDetail;
  can: { testPush: boolean; disablePush: boolean; link: boolean; note: boolean };
}) {
  const c = detail.company;
  const link = detail.setupLink;
  return (
    <Card>
      <h2 className="text-lg font-bold text-slate-900">Actions</h2>
      <div className="mt-4 space-y-6">
        {can.testPush ? (
          <section aria-labelledby="action-test-push">
            <h3 id="action-test-push" className="font-semibold text-slate-900">Test push</h3>
            <p className="mb-2 text-sm text-slate-700">Writes one test supplier to the client&apos;s Sage 50 and reports what happened.</p>
            <RunTestPushButton companyId={c.id} running={detail.runningTestPush} />
          </section>
        ) : null}
        {can.disablePush && c.pushEnabled ? (
          <section aria-labelledby="action-push">
            <h3 id="action-push" className="font-semibold text-slate-900">Data push</h3>
            <p className="mb-2 text-sm text-slate-700">Push is on: the integrator may write to this company.</p>
            <DisablePushButton companyId={c.id} companyName={c.name} />
          </section>
        ) : null}
        {can.link ? (
          <section aria-labelledby="action-link">
            <h3 id="action-link" className="font-semibold text-slate-900">Setup link</h3>
            <p className="mb-2 text-sm text-slate-700">
              {LINK_STATE[link.state]}
              {link.state === "active" && link.expiresAt ? `, valid until ${formatDateTime(link.expiresAt)}` : ""}. Links are stored
              only as a fingerprint, so an issued link cannot be shown again: renew it to send the client a new one.
            </p>
            <RenewLinkButton companyId={c.id} hasLink={link.state === "active"} />
            <div className="mt-4 space-y-4">
              <EmailLinkButton companyId={c.id} contactEmail={c.contactEmail} hasLink={link.state === "active"} />
              <ContactEmailForm companyId={c.id} contactEmail={c.contactEmail} />
            </div>
          </section>
        ) : null}
        {can.note ? (
          <section aria-labelledby="action-note">
            <h3 id="action-note" className="sr-only">Leave a note</h3>
            <NoteForm companyId={c.id} />
          </section>
        ) : null}
      </div>
    </Card>
  );
}
