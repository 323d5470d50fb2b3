import type { EmbedSettingsView } from "@/lib/embed/save-embed-settings";
import { Card } from "@/components/ui/card";
import type { UploadedLogoView } from "@/lib/embed/brand-logo-upload";
import { EmbedSettingsForm } from "./embed-settings-client";
import { LogoUploadForm } from "./logo-upload-client";

/** The admin page's section on embedding the wizard in the integrator's app, and branding. */
export function EmbedSettingsCard({ settings, allowLocalHttp, uploadedLogo }: { settings: EmbedSettingsView; allowLocalHttp: boolean; uploadedLogo: UploadedLogoView | null }) {
  return (
    <Card>
      <h2 className="text-lg font-bold text-slate-900">Embedding and branding</h2>
      <p className="mt-1 text-sm text-slate-700">
        Your app opens a client&apos;s wizard in a dialog with <code className="font-mono">/embed.js</code> and hears what happens in it (see
        the README&apos;s &ldquo;Embed the wizard&rdquo;).
      </p>
      <div className="mt-4 max-w-2xl space-y-6">
        <LogoUploadForm uploaded={uploadedLogo} />
        <EmbedSettingsForm settings={settings} allowLocalHttp={allowLocalHttp} />
      </div>
    </Card>
  );
}
