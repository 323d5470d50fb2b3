import { route } from "@/lib/api/handler";
import { idempotentAnswer } from "@/lib/api/idempotent-answer";
import { setupParamsSchema } from "@/lib/setups-api/api-v1-schemas";
import { renewSetupLinkByApi } from "@/lib/setups-api/renew-setup-link-by-api";

/** A new setup link for the client; the old one stops working at once (API key, `write`). */
export const POST = route({ permission: "public", apiKey: "write", params: setupParamsSchema }, async ({ req, db, apiKey, params }) =>
  idempotentAnswer(await renewSetupLinkByApi(db, { apiKey: apiKey!, id: params.id, idempotencyKey: req.headers.get("idempotency-key") })),
);
