import type { Db } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import { createSetup } from "@/lib/setup/create-setup";

/**
 * /embed-demo's "integrator backend": a new demo client's setup (through the simulator, as the API
 * would), whose setup link the fake host page opens with /embed.js. No API key reaches the browser.
 */
export async function startEmbedDemo(db: Db, codat: CodatClient, opts: { appUrl: string; now?: Date }): Promise<{ url: string; companyId: string }> {
  const stamp = (opts.now ?? new Date()).toISOString().slice(11, 19);
  const { company, setupLink } = await createSetup(db, codat, {
    name: `Embedded demo client ${stamp}`,
    contactEmail: null,
    actor: { type: "system" },
    appUrl: opts.appUrl,
  });
  return { url: setupLink.url, companyId: company.id };
}
