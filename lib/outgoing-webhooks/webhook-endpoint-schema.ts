import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/sage/webhook-events";

/** A new webhook endpoint, as the admin form and `POST /api/webhook-endpoints` take it. */
export const createWebhookEndpointSchema = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, message: "Give the full http(s) URL of your endpoint." })
    .trim()
    .max(2000),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES))
    .min(1, "Choose at least one event.")
    .transform((events) => WEBHOOK_EVENT_TYPES.filter((e) => events.includes(e))),
});
export type CreateWebhookEndpointInput = z.output<typeof createWebhookEndpointSchema>;

export const webhookEndpointParamsSchema = z.strictObject({ id: z.uuid() });
export const webhookDeliveryParamsSchema = z.strictObject({ id: z.uuid(), deliveryId: z.uuid() });
