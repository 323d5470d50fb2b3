import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/guards";
import { loadAdminPage } from "@/lib/support/support-page-data";
import { Card, PageHeader } from "@/components/ui/card";
import { StaffTable } from "@/components/support/staff-table";
import { InviteStaffForm } from "@/components/support/invite-staff-client";
import { SettingsForm } from "@/components/support/settings-form-client";
import { ApiKeysPanel } from "@/components/support/api-keys-client";
import { WebhooksSection } from "@/components/support/webhooks-section";
import { loadWebhooksAdmin } from "@/lib/outgoing-webhooks/webhooks-admin-data";
import { EmbedSettingsCard } from "@/components/support/embed-settings-card";
import { loadEmbedAdminSection } from "@/lib/embed/embed-admin-data";
import { CodatWebhookInboxCard } from "@/components/support/codat-webhook-inbox-card";
import { loadCodatWebhookInboxAdmin } from "@/lib/webhooks/codat-webhook-inbox-admin-data";

export const metadata: Metadata = { title: "Admin" };

/** Admin only: staff accounts, the integrator's settings and API keys. */
export default async function AdminPage() {
  const actor = await requirePageActor("staff:manage", "/support/admin");
  const { staff, settings, apiKeys } = await loadAdminPage(actor);
  const webhooks = await loadWebhooksAdmin(actor);
  const embed = await loadEmbedAdminSection(actor);
  const inbox = await loadCodatWebhookInboxAdmin(actor);
  return (
    <>
      <PageHeader title="Admin" lead="Staff accounts and the settings clients see." />
      <div className="space-y-6">
        {staff ? (
          <Card>
            <h2 className="text-lg font-bold text-slate-900">Staff accounts</h2>
            <p className="mt-1 text-sm text-slate-700">
              Changing a role or deactivating an account signs that person out everywhere at once.
            </p>
            <StaffTable staff={staff} selfId={actor.type === "staff" ? actor.id : null} />
            <h3 className="mt-8 font-semibold text-slate-900">Invite a staff member</h3>
            <div className="mt-3">
              <InviteStaffForm />
            </div>
          </Card>
        ) : null}
        {settings ? (
          <Card>
            <h2 className="text-lg font-bold text-slate-900">Settings</h2>
            <div className="mt-4 max-w-2xl">
              <SettingsForm settings={settings} />
            </div>
          </Card>
        ) : null}
        {apiKeys ? (
          <Card>
            <h2 className="text-lg font-bold text-slate-900">API keys</h2>
            <p className="mt-1 text-sm text-slate-700">
              Your backend creates and follows setups through <code className="font-mono">/api/v1</code> with{" "}
              <code className="font-mono">Authorization: Bearer &lt;key&gt;</code> (see the <a href="/docs/api" className="underline">API reference</a>). A key
              with Read answers questions; Write also creates setups and renews their links.
            </p>
            <div className="mt-4">
              <ApiKeysPanel keys={apiKeys} />
            </div>
          </Card>
        ) : null}
        {webhooks ? <WebhooksSection view={webhooks} /> : null}
        {embed ? <EmbedSettingsCard {...embed} /> : null}
        {inbox ? <CodatWebhookInboxCard inbox={inbox} /> : null}
      </div>
    </>
  );
}
