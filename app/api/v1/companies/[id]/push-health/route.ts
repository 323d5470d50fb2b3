import { route } from "@/lib/api/handler";
import { companyParamsSchema } from "@/lib/setups-api/api-v1-schemas";
import { getPushHealthByApi } from "@/lib/push-health/get-push-health-by-api";

/** The integrator's backend reads a company's push health (API key, `read`). */
export const GET = route({ permission: "public", apiKey: "read", params: companyParamsSchema }, async ({ db, params }) =>
  getPushHealthByApi(db, params.id),
);
