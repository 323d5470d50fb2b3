import { z } from "zod";
import type { $ZodType } from "zod/v4/core";
import { API_KEY_SCOPES, type ApiKeyScope } from "@/lib/sage/api-key-scopes";
import { getEnv } from "@/lib/env";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/sage/webhook-events";
import { webhookEventSchemas } from "@/lib/outgoing-webhooks/webhook-event-schemas";
import {
  apiErrorSchema,
  apiPushHealthSchema,
  apiSetupListSchema,
  apiSetupResponseSchema,
  apiV1Schemas,
  companyParamsSchema,
  companyPushReadinessSchema,
  createApiSetupResponseSchema,
  createApiSetupSchema,
  idempotencyKeySchema,
  listApiSetupsQuerySchema,
  renewedApiSetupLinkSchema,
  setupParamsSchema,
} from "./api-v1-schemas";

type JsonSchema = Record<string, unknown>;
type Method = "get" | "post";

/** One operation of `/api/v1`, described by the schemas its route parses with and answers. */
type ApiOperation = {
  method: Method;
  /** OpenAPI's template: `/api/v1/setups/{id}` (the route's folder is `[id]`). */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  /** The API key scope the route needs; null for the public document itself. */
  scope: ApiKeyScope | null;
  params?: $ZodType;
  query?: $ZodType;
  body?: $ZodType;
  idempotent?: boolean;
  responses: Record<number, { description: string; schema: $ZodType | null }>;
  /** Refusals besides those every keyed route has (401, 403), each answered with the Error schema. */
  errors: Record<number, string>;
};

export const API_V1_OPERATIONS: readonly ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/setups",
    operationId: "createSetup",
    summary: "Create a setup for a client",
    description:
      "Creates the Codat company and its Sage 50 connection (flow `new`) or brings in a Codat company already linked for pulling (flow `upgrade`), our record and a setup link for the client. " +
      "The same `externalId` again answers the existing setup with 200 and `setupLink: null` (renew its link with `POST /api/v1/setups/{id}/links`); Codat is not called again. " +
      "With an `Idempotency-Key`, the same request within 24 hours answers the first answer again (status and body, header `Idempotent-Replayed: true`).",
    scope: "write",
    body: createApiSetupSchema,
    idempotent: true,
    responses: {
      201: { description: "Created, with the client's setup link (shown once)", schema: createApiSetupResponseSchema },
      200: { description: "A setup with this externalId exists already: it is answered, without a link", schema: createApiSetupResponseSchema },
    },
    errors: {
      404: "flow upgrade: Codat has no company with that id (import_not_found)",
      409: "idempotency_key_in_use or external_id_in_use (another request is still creating this setup; retry after Retry-After), or that Codat company is already set up here (import_duplicate)",
      422: "validation_failed, idempotency_key_reused, or a Codat company that cannot be upgraded (import_no_sage50, import_not_linked)",
      502: "Codat refused the request (codat_*)",
      503: "Codat is unavailable (codat_unavailable); try again later",
    },
  },
  {
    method: "get",
    path: "/api/v1/setups",
    operationId: "listSetups",
    summary: "Find a setup by external id, or list every setup a page at a time",
    scope: "read",
    query: listApiSetupsQuerySchema,
    responses: { 200: { description: "A page of setups, oldest first", schema: apiSetupListSchema } },
    errors: { 422: "validation_failed (a bad limit or cursor)" },
  },
  {
    method: "get",
    path: "/api/v1/setups/{id}",
    operationId: "getSetup",
    summary: "A setup: status, step reached, push readiness",
    scope: "read",
    params: setupParamsSchema,
    responses: { 200: { description: "The setup", schema: apiSetupResponseSchema } },
    errors: { 404: "No setup has this id (not_found)" },
  },
  {
    method: "post",
    path: "/api/v1/setups/{id}/links",
    operationId: "renewSetupLink",
    summary: "Renew the client's setup link",
    description: "Every earlier link of the setup, and every client session opened with one, stops working at once.",
    scope: "write",
    params: setupParamsSchema,
    idempotent: true,
    responses: { 201: { description: "The new link (shown once)", schema: renewedApiSetupLinkSchema } },
    errors: { 404: "No setup has this id (not_found)", 409: "idempotency_key_in_use", 422: "idempotency_key_reused" },
  },
  {
    method: "get",
    path: "/api/v1/companies/{id}/push-readiness",
    operationId: "getPushReadiness",
    summary: "Whether a company (our id or its Codat company id) may receive pushes, and if not, why",
    scope: "read",
    params: companyParamsSchema,
    responses: { 200: { description: "Push readiness", schema: companyPushReadinessSchema } },
    errors: { 404: "No company has this id (not_found)" },
  },
  {
    method: "get",
    path: "/api/v1/companies/{id}/push-health",
    operationId: "getPushHealth",
    summary: "A company's push health (our id or its Codat company id): state, cause, last writes, counts and open alert",
    description: "Health from every write Codat reports for the company; `last24h` counts by UTC hour, `last30d` by UTC day.",
    scope: "read",
    params: companyParamsSchema,
    responses: { 200: { description: "Push health", schema: apiPushHealthSchema } },
    errors: { 404: "No company has this id (not_found)" },
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document (public)",
    scope: null,
    responses: { 200: { description: "The OpenAPI 3.1 document", schema: null } },
    errors: {},
  },
];

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: JsonSchema) => ({ "application/json": { schema } });

/** A schema's JSON Schema: by reference when it is one of the registered components. */
function schemaOf(schema: $ZodType): JsonSchema {
  const id = apiV1Schemas.get(schema)?.id;
  return id ? ref(id) : strip(z.toJSONSchema(schema, { io: "input" }) as JsonSchema);
}

function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

function parametersOf(schema: $ZodType | undefined, where: "path" | "query") {
  if (!schema) return [];
  const js = strip(z.toJSONSchema(schema, { io: "input" }) as JsonSchema);
  const properties = (js.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((js.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: where, required: where === "path" || required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}

function operationObject(op: ApiOperation) {
  const errors: Record<number, string> = op.scope
    ? { 401: "No API key, or not a live one (unauthorized)", 403: `The key lacks the "${op.scope}" scope (insufficient_scope)`, ...op.errors }
    : op.errors;
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(op.responses)) {
    responses[status] = {
      description: r.description,
      ...(r.schema ? { content: json(schemaOf(r.schema)) } : { content: { "application/json": { schema: { type: "object" } } } }),
      ...(op.idempotent ? { headers: { "Idempotent-Replayed": { description: "true when this is the kept answer of an earlier request", schema: { type: "string", enum: ["true"] } } } } : {}),
    };
  }
  for (const [status, description] of Object.entries(errors)) responses[status] = { description, content: json(schemaOf(apiErrorSchema)) };
  const idempotencyHeader = op.idempotent
    ? [{ name: "Idempotency-Key", in: "header", required: false, description: idempotencyKeySchema.description, schema: strip(z.toJSONSchema(idempotencyKeySchema) as JsonSchema) }]
    : [];
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.scope ? { "x-required-scope": op.scope, security: [{ apiKey: [op.scope] }] } : { security: [] }),
    parameters: [...parametersOf(op.params, "path"), ...parametersOf(op.query, "query"), ...idempotencyHeader],
    ...(op.body ? { requestBody: { required: true, content: json(schemaOf(op.body)) } } : {}),
    responses,
  };
}

function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(apiV1Schemas, { uri: (id) => `#/components/schemas/${id}`, io: "input" }) as { schemas: Record<string, JsonSchema> };
  const events = WEBHOOK_EVENT_TYPES.map((type) => [webhookSchemaId(type), strip(z.toJSONSchema(webhookEventSchemas[type], { io: "input" }) as JsonSchema)]);
  return { ...Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, strip(schema)])), ...Object.fromEntries(events) };
}

/** `push_health.changed` → `PushHealthChangedEvent`. */
function webhookSchemaId(type: WebhookEventType): string {
  return `${type.split(/[._]/).map((w) => w[0]!.toUpperCase() + w.slice(1)).join("")}Event`;
}

/**
 * OpenAPI 3.1's `webhooks`: what this product posts to the integrator's endpoints, one entry per
 * event type, signed per Standard Webhooks (headers `webhook-id`, `webhook-timestamp`, `webhook-signature`).
 */
function webhooksObject() {
  const header = (description: string) => ({ required: true, description, schema: { type: "string" } });
  return Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          operationId: `webhook_${type.replace(/\./g, "_")}`,
          summary: `${type} (signed webhook to your endpoint)`,
          parameters: [
            { name: "webhook-id", in: "header", ...header("The event's id: the same on every retry and replay (use it to ignore duplicates)") },
            { name: "webhook-timestamp", in: "header", ...header("Seconds since 1970 when this try was signed") },
            { name: "webhook-signature", in: "header", ...header("`v1,<base64>` HMAC-SHA256 signatures, space-separated (two during the 24 hours after a secret rotation)") },
          ],
          requestBody: { required: true, content: json(ref(webhookSchemaId(type))) },
          responses: { "2XX": { description: "Received. Anything else (or no answer within 10 s) is retried for about 24 hours." } },
        },
      },
    ]),
  );
}

/** The OpenAPI 3.1 document of `/api/v1`, generated from the routes' own zod schemas. */
export function buildOpenApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_V1_OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "Sage 50 push setup API",
      version: "1.0.0",
      description:
        "For the integrator's backend: create and follow the setups of your clients. Send an API key (made by an admin at /support/admin) as `Authorization: Bearer psk_…`. " +
        `Each key has scopes (${API_KEY_SCOPES.join(", ")}): read routes need \`read\`, creating setups and renewing links need \`write\`. ` +
        "Every refusal is `{ error: { code, message } }`.",
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    paths,
    webhooks: webhooksObject(),
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "psk_…",
          description: `An API key. Scopes, listed in each operation's security requirement: ${API_KEY_SCOPES.join(", ")}.`,
        },
      },
      schemas: componentSchemas(),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

let cached: OpenApiDocument | undefined;

/** The document for this app's public URL, built once. */
export function loadOpenApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument(getEnv().APP_URL);
  return cached;
}
