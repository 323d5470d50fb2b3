import { z } from "zod";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/sage/webhook-events";
import { CONNECTION_STATUSES, SETUP_FLOWS, TEST_PUSH_STATUSES } from "@/lib/sage/types";
import { PUSH_HEALTH_STATES } from "@/lib/sage/push-health";
import { DIAGNOSIS_CODES } from "@/lib/sage/diagnosis-codes";
import { WIZARD_STEPS, type WizardStepKey } from "@/lib/sage/steps";

/**
 * What each event's `data` holds, besides the setup's ids (named as `/api/v1/setups` names them:
 * `setupId` is the setup's `id`, `companyId` the same id as the setup's `companyId`, `codatCompanyId`
 * Codat's). The OpenAPI document's `webhooks` is generated from these schemas.
 */
const stepKeys = WIZARD_STEPS.map((s) => s.key) as [WizardStepKey, ...WizardStepKey[]];
const testPush = { testPushId: z.uuid(), status: z.enum(TEST_PUSH_STATUSES), diagnosisCode: z.enum(DIAGNOSIS_CODES).nullable() };

const WEBHOOK_EVENT_DATA = {
  "setup.created": { flow: z.enum(SETUP_FLOWS) },
  "setup.step_completed": { step: z.enum(stepKeys).describe("The wizard step the client completed") },
  "setup.stalled": { lastActivityAt: z.iso.datetime().describe("The setup's last activity; nothing happened since") },
  "test_push.succeeded": testPush,
  "test_push.failed": testPush,
  "push.enabled": {},
  "push.disabled": {},
  "push_health.changed": { from: z.enum(PUSH_HEALTH_STATES), health: z.enum(PUSH_HEALTH_STATES), cause: z.enum(DIAGNOSIS_CODES).nullable() },
  "connection.status_changed": { from: z.enum(CONNECTION_STATUSES).nullable(), to: z.enum(CONNECTION_STATUSES) },
} as const satisfies Record<WebhookEventType, z.ZodRawShape>;

const setupIds = {
  setupId: z.uuid().describe("The setup's id in /api/v1/setups"),
  companyId: z.uuid().describe("The same id, as the setup's companyId"),
  codatCompanyId: z.string().describe("Codat's company id"),
  externalId: z.string().nullable().describe("Your own id for the client (setups made through the API)"),
};

/** The whole body of one event type: `{ type, timestamp, data }`. */
export function webhookEventSchema<T extends WebhookEventType>(type: T) {
  return z.strictObject({
    type: z.literal(type),
    timestamp: z.iso.datetime().describe("When it happened"),
    data: z.strictObject({ ...setupIds, ...WEBHOOK_EVENT_DATA[type] }),
  });
}

type Shape<T extends WebhookEventType> = (typeof WEBHOOK_EVENT_DATA)[T];
export type WebhookEventData<T extends WebhookEventType> = { [K in keyof Shape<T>]: Shape<T>[K] extends z.ZodType ? z.input<Shape<T>[K]> : never };

export const webhookEventSchemas = Object.fromEntries(WEBHOOK_EVENT_TYPES.map((t) => [t, webhookEventSchema(t)])) as {
  [T in WebhookEventType]: ReturnType<typeof webhookEventSchema<T>>;
};
