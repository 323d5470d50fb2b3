import { route } from "@/lib/api/handler";
import { setupParamsSchema } from "@/lib/setups-api/api-v1-schemas";
import { getSetupByApi } from "@/lib/setups-api/read-setups-by-api";

/** One setup: status, step reached, push readiness (API key, `read`). */
export const GET = route({ permission: "public", apiKey: "read", params: setupParamsSchema }, async ({ db, params }) =>
  getSetupByApi(db, params.id),
);
