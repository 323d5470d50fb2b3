import { route } from "@/lib/api/handler";
import { codatWebhookInboxQuerySchema, loadCodatWebhookInboxFigures } from "@/lib/webhooks/codat-webhook-inbox-figures";

/** Codat's webhooks acknowledged and not applied yet, and those that failed (support and admin). */
export const GET = route({ permission: "ops:read", query: codatWebhookInboxQuerySchema }, async ({ db, query }) => ({
  inbox: await loadCodatWebhookInboxFigures(db, { now: new Date(), failures: query.failures }),
}));
