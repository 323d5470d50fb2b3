import { route } from "@/lib/api/handler";
import { companyParamsSchema } from "@/lib/setups-api/api-v1-schemas";
import { getPushReadiness } from "@/lib/test-push/get-push-readiness";

/** The integrator's backend asks whether a company is push-ready (API key, `read`). */
export const GET = route({ permission: "public", apiKey: "read", params: companyParamsSchema }, async ({ db, params }) =>
  getPushReadiness(db, params.id),
);
