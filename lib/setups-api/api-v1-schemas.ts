import { z } from "zod";
import { PUSH_HEALTH_STATES } from "@/lib/sage/push-health";
import { DIAGNOSIS_CODES } from "@/lib/sage/diagnosis-codes";
import { createSetupSchema } from "@/lib/setup/create-setup-schema";
import { API_SETUP_STATUSES } from "@/lib/sage/api-setup-status";
import { WIZARD_STEPS, type WizardStepKey } from "@/lib/sage/steps";
import { CONNECTION_STATUSES, SETUP_FLOWS, TEST_PUSH_STATUSES } from "@/lib/sage/types";

/**
 * The integrator's API (`/api/v1`): every request and answer as one zod schema. The routes parse
 * with the request schemas, the services' answers are typed by the answer schemas, and the OpenAPI
 * document (`openapi-document.ts`) is generated from these same schemas, each under its registry id.
 */
export const apiV1Schemas = z.registry<{ id: string; description?: string }>();

const ID_LIMIT = 200;

export const setupParamsSchema = z.strictObject({ id: z.uuid() });

export const companyParamsSchema = z.strictObject({
  id: z.string().trim().min(1).max(100).describe("Our company id, or its Codat company id"),
});

export const createApiSetupSchema = createSetupSchema
  .extend({
    name: createSetupSchema.shape.name.describe("The client's company name (an upgrade keeps the name the Codat company has)"),
    externalId: z.string().trim().min(1, "Give your own id for this client.").max(ID_LIMIT).describe("Your own id for this client; unique"),
    flow: z
      .enum(SETUP_FLOWS)
      .default("new")
      .describe("new: a Codat company is created; upgrade: the Codat company `codatCompanyId`, already linked for pulling, is brought in"),
    codatCompanyId: z.string().trim().min(1).max(100).optional().describe("Required with flow upgrade, refused otherwise"),
  })
  .superRefine((v, ctx) => {
    if (v.flow === "upgrade" && !v.codatCompanyId) {
      ctx.addIssue({ code: "custom", path: ["codatCompanyId"], message: "An upgrade needs the Codat company's id." });
    }
    if (v.flow === "new" && v.codatCompanyId) {
      ctx.addIssue({ code: "custom", path: ["codatCompanyId"], message: "A new setup creates its own Codat company: send codatCompanyId only with flow upgrade." });
    }
  });
apiV1Schemas.add(createApiSetupSchema, { id: "CreateSetupRequest" });
export type CreateApiSetupInput = z.output<typeof createApiSetupSchema>;

export const listApiSetupsQuerySchema = z.strictObject({
  externalId: z.string().trim().min(1).max(ID_LIMIT).optional().describe("Only the setup with this external id (0 or 1 item)"),
  limit: z.coerce.number().int().min(1).max(100).default(50).describe("Items per page, 1 to 100"),
  cursor: z.string().min(1).max(200).optional().describe("`nextCursor` of the page before"),
});

export const idempotencyKeySchema = z
  .string()
  .min(1, "Idempotency-Key is empty.")
  .max(255, "Keep Idempotency-Key under 256 characters.")
  .describe("Any unique string (a UUID); the same key with the same body within 24 hours answers the first answer again");

const stepKeys = WIZARD_STEPS.map((s) => s.key) as [WizardStepKey, ...WizardStepKey[]];

const stepReachedSchema = z.strictObject({
  key: z.enum(stepKeys),
  title: z.string(),
  number: z.int().min(1),
  of: z.int().min(1),
  complete: z.boolean(),
});

const pushReadinessSchema = z.strictObject({
  enabled: z.boolean(),
  ready: z.boolean().describe("True only when push is on and nothing blocks it"),
  reasons: z.array(z.strictObject({ code: z.string(), message: z.string() })),
});

const apiSetupSchema = z.strictObject({
  id: z.uuid().describe("The setup's id (the company's id here)"),
  companyId: z.uuid().describe("The company's id, as `/api/v1/companies/{id}` takes it"),
  externalId: z.string().nullable(),
  name: z.string(),
  contactEmail: z.string().nullable(),
  flow: z.enum(SETUP_FLOWS),
  codatCompanyId: z.string(),
  connectionStatus: z.enum(CONNECTION_STATUSES).nullable(),
  status: z
    .enum(API_SETUP_STATUSES)
    .describe("in_progress: a step still blocks push; ready_to_enable: only turning push on is left; push_enabled: pushing"),
  stepReached: stepReachedSchema,
  pushReadiness: pushReadinessSchema,
  health: z
    .strictObject({
      state: z
        .enum(PUSH_HEALTH_STATES)
        .describe("healthy; at_risk: recent failures or a write pending too long; failing; disconnected; unknown: no write seen yet"),
      cause: z.enum(DIAGNOSIS_CODES).nullable().describe("What to fix, for failing, disconnected and at_risk"),
      since: z.iso.datetime().nullable().describe("When the state began"),
    })
    .describe("Push health from every write Codat reports for the company"),
  createdAt: z.iso.datetime(),
  lastActivityAt: z.iso.datetime(),
});
apiV1Schemas.add(apiSetupSchema, { id: "Setup" });
export type ApiSetup = z.output<typeof apiSetupSchema>;

const setupLinkSchema = z.strictObject({
  url: z.url().describe("The client's setup link; every earlier link stops working"),
  shortCode: z.string().describe("What the client can type at /go instead"),
  expiresAt: z.iso.datetime(),
});
apiV1Schemas.add(setupLinkSchema, { id: "SetupLink" });
export type ApiSetupLink = z.output<typeof setupLinkSchema>;

export const createApiSetupResponseSchema = z.strictObject({
  setup: apiSetupSchema,
  setupLink: setupLinkSchema.nullable().describe("null when the setup existed already: renew its link with POST /api/v1/setups/{id}/links"),
});
apiV1Schemas.add(createApiSetupResponseSchema, { id: "CreateSetupResponse" });

export const apiSetupResponseSchema = z.strictObject({ setup: apiSetupSchema });
apiV1Schemas.add(apiSetupResponseSchema, { id: "SetupResponse" });

export const apiSetupListSchema = z.strictObject({
  items: z.array(apiSetupSchema),
  nextCursor: z.string().nullable().describe("Send it as `cursor` for the next page; null on the last"),
});
apiV1Schemas.add(apiSetupListSchema, { id: "SetupList" });

export const renewedApiSetupLinkSchema = z.strictObject({ setupLink: setupLinkSchema });
apiV1Schemas.add(renewedApiSetupLinkSchema, { id: "SetupLinkResponse" });

export const companyPushReadinessSchema = z.strictObject({
  companyId: z.uuid(),
  codatCompanyId: z.string(),
  connectionId: z.string().nullable(),
  ...pushReadinessSchema.shape,
  lastTestPush: z.strictObject({ status: z.enum(TEST_PUSH_STATUSES), completedAt: z.iso.datetime().nullable() }).nullable(),
});
apiV1Schemas.add(companyPushReadinessSchema, { id: "PushReadiness" });

const writeCountsSchema = z.strictObject({ succeeded: z.int().min(0), failed: z.int().min(0) });

export const apiPushHealthSchema = z.strictObject({
  companyId: z.uuid(),
  codatCompanyId: z.string(),
  state: z
    .enum(PUSH_HEALTH_STATES)
    .describe("healthy; at_risk: recent failures or a write pending too long; failing; disconnected; unknown: no write seen yet"),
  cause: z.enum(DIAGNOSIS_CODES).nullable().describe("What to fix, for failing, disconnected and at_risk"),
  lastSuccessAt: z.iso.datetime().nullable().describe("When the latest successful write completed (Codat's time)"),
  lastFailureAt: z.iso.datetime().nullable().describe("When the latest failed write completed (Codat's time)"),
  counts: z.strictObject({
    last24h: writeCountsSchema.describe("Writes finished in the current UTC hour and the 23 hours before it"),
    last30d: writeCountsSchema.describe("Writes finished in the 30 UTC days ending today"),
  }),
  openAlert: z
    .strictObject({
      openedAt: z.iso.datetime(),
      state: z.enum(PUSH_HEALTH_STATES).describe("The health state that opened the alert: failing or disconnected"),
      cause: z.enum(DIAGNOSIS_CODES).nullable(),
    })
    .nullable()
    .describe("The alert open since the company entered failing or disconnected; null once healthy again"),
});
apiV1Schemas.add(apiPushHealthSchema, { id: "PushHealth" });
export type ApiPushHealth = z.output<typeof apiPushHealthSchema>;

export const apiErrorSchema = z.strictObject({
  error: z.strictObject({
    code: z.string().describe("Stable, for code: not_found, unauthorized, insufficient_scope, validation_failed, idempotency_key_reused, …"),
    message: z.string().describe("For people"),
    details: z.unknown().optional(),
  }),
});
apiV1Schemas.add(apiErrorSchema, { id: "Error" });
