import type { ReactNode } from "react";
import { WizardQueryProvider } from "@/components/wizard/query-provider";
import { EmbedBridge } from "@/components/embed/embed-bridge";
import { BrandBar } from "@/components/embed/brand-bar";
import { loadWizardEmbedData } from "@/lib/embed/wizard-embed-data";
import "./wizard.css";

/**
 * The wizard and the health page share one query cache per tab. The integrator's branding (logo, and
 * the primary colour through /brand.css) and, when embedded, the bridge that posts events to the parent.
 */
export default async function SetupLayout({ children }: { children: ReactNode }) {
  const { brand, embedOrigin, companyId } = await loadWizardEmbedData();
  return (
    <WizardQueryProvider>
      <link rel="stylesheet" href={`/brand.css?v=${brand.version}`} precedence="high" />
      <BrandBar integratorName={brand.integratorName} logoPath={brand.logoPath} embeddedFor={embedOrigin ? companyId : null} />
      <EmbedBridge targetOrigin={embedOrigin} companyId={companyId} brand={brand} />
      {children}
    </WizardQueryProvider>
  );
}
