import { demoSecrets } from "../../lib/setup-links/tokens";

/** Same value as scripts/e2e-server.mjs gives the server. */
const E2E_AUTH_SECRET = "e2e-only-secret-not-for-production-0123456789";

/** The setup-link token the demo seed issued for a company (demo links are derived, not random). */
export function demoLinkToken(companyId: string) {
  return demoSecrets(E2E_AUTH_SECRET, companyId).token;
}
