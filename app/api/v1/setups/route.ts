import { route } from "@/lib/api/handler";
import { idempotentAnswer } from "@/lib/api/idempotent-answer";
import { createApiSetupSchema, listApiSetupsQuerySchema } from "@/lib/setups-api/api-v1-schemas";
import { createSetupByApi } from "@/lib/setups-api/create-setup-by-api";
import { listSetupsByApi } from "@/lib/setups-api/read-setups-by-api";

/** The integrator's backend: its setups, by external id or a page at a time (API key, `read`). */
export const GET = route({ permission: "public", apiKey: "read", query: listApiSetupsQuerySchema }, async ({ db, query }) =>
  listSetupsByApi(db, query),
);

/** The integrator's backend creates a setup (API key, `write`; `Idempotency-Key` honoured). */
export const POST = route({ permission: "public", apiKey: "write", body: createApiSetupSchema }, async ({ req, db, apiKey, body }) =>
  idempotentAnswer(await createSetupByApi(db, { apiKey: apiKey!, input: body, idempotencyKey: req.headers.get("idempotency-key") })),
);
