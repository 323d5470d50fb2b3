import { buttonClass } from "@/components/ui/button";
import { EXIT_BUTTON_ATTRIBUTE } from "./embed-exit";

/**
 * The integrator's logo and name above the wizard. Embedded (`embeddedFor` is the client's company),
 * it is the only frame the wizard has, so it shows even without a logo and offers Exit setup (sent to the
 * host as `exit` by the page's EmbedBridge, so no script of its own ships with every wizard page).
 */
export function BrandBar({ integratorName, logoPath, embeddedFor }: { integratorName: string; logoPath: string | null; embeddedFor: string | null }) {
  if (!logoPath && !embeddedFor) return null;
  return (
    <div className="mb-4 flex items-center gap-3">
      {logoPath ? (
        // eslint-disable-next-line @next/next/no-img-element -- a small logo; next/image adds nothing here
        <img src={logoPath} alt="" width={40} height={40} className="h-10 w-10" />
      ) : null}
      <p className="font-semibold text-slate-900">{integratorName}</p>
      {embeddedFor ? (
        <button type="button" {...{ [EXIT_BUTTON_ATTRIBUTE]: "" }} className={buttonClass("secondary", "ml-auto")}>
          Exit setup
        </button>
      ) : null}
    </div>
  );
}
