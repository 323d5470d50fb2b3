/**
 * Codat webhooks: Svix-signed (headers webhook-id, webhook-timestamp, webhook-signature "v1,<base64>"),
 * body `{ id, eventType, generatedDate, payload }` (ConnectionWebhook / DataTypeWriteWebhook in the
 * platform spec). Verify the raw body, exactly as received, before parsing it.
 */
import { timingSafeEqual } from "node:crypto";
import { Webhook } from "svix";
import { z } from "zod";
import type { PlatformSchemas } from "./spec-types";
import { CONNECTION_STATUSES, PUSH_STATUSES } from "./types";

/** Every connection event Codat documents (Platform spec, webhooks). */
const CONNECTION_EVENT_TYPES = [
  "connection.created",
  "connection.connected",
  "connection.disconnected",
  "connection.reconnected",
  "connection.failed",
  "connection.deleted",
] as const;
/** `{dataType}.write.successful` / `.unsuccessful`, sent for a write of any data type (DataTypeWriteWebhook). */
const WRITE_EVENT_TYPE = /^([A-Za-z][A-Za-z0-9]*)\.write\.(successful|unsuccessful)$/;
export type CodatConnectionEventType = (typeof CONNECTION_EVENT_TYPES)[number];
type WriteEventType = `${string}.write.successful` | `${string}.write.unsuccessful`;

/** The same window Svix uses by default. */
const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export type WebhookFailureReason =
  | "missing_header"
  | "invalid_timestamp"
  | "expired"
  | "invalid_secret"
  | "bad_signature"
  | "invalid_json"
  | "invalid_payload";

export class WebhookVerificationError extends Error {
  override name = "WebhookVerificationError";
  readonly reason: WebhookFailureReason;
  constructor(reason: WebhookFailureReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

const referenceCompanySchema = z.object({ id: z.string().min(1), name: z.string().nullish() });

const connectionSchema = z.object({
  id: z.string().min(1),
  status: z.enum(CONNECTION_STATUSES),
  integrationKey: z.string().nullish(),
  platformName: z.string().nullish(),
  linkUrl: z.string().nullish(),
  lastSync: z.string().nullish(),
  created: z.string().nullish(),
});

const connectionPayloadSchema = z.object({
  referenceCompany: referenceCompanySchema,
  connection: connectionSchema,
});

const writePayloadSchema = z.object({
  /** The push operation key. */
  id: z.string().min(1),
  type: z.enum(["Create", "Update", "Delete", "UploadAttachment"]).nullish(),
  referenceCompany: referenceCompanySchema,
  connectionId: z.string().min(1),
  requestedOnDate: z.string().nullish(),
  completedOnDate: z.string().nullish(),
  status: z.enum(PUSH_STATUSES),
  record: z.object({ id: z.string().nullish() }).nullish(),
});

const bodySchema = z.object({
  id: z.string().nullish(),
  eventType: z.string().min(1),
  generatedDate: z.string().nullish(),
  payload: z.unknown(),
});

// Compile-time checks that the parsers read only fields Codat's spec defines.
type KeysIn<Parsed, Spec> = Exclude<keyof Parsed, keyof Spec> extends never ? true : false;
const specKeyChecks: [
  KeysIn<z.infer<typeof bodySchema>, PlatformSchemas["ConnectionWebhook"]>,
  KeysIn<z.infer<typeof connectionPayloadSchema>, PlatformSchemas["ConnectionWebhook_connectionWebhookPayload"]>,
  KeysIn<z.infer<typeof connectionSchema>, PlatformSchemas["Connection"]>,
  KeysIn<z.infer<typeof referenceCompanySchema>, PlatformSchemas["Company_companyReference"]>,
  KeysIn<
    z.infer<typeof writePayloadSchema>,
    PlatformSchemas["DataTypeWriteWebhook_dataTypeWriteWebhookPayload"]
  >,
] = [true, true, true, true, true];
void specKeyChecks;

type ConnectionEventPayload = z.infer<typeof connectionPayloadSchema>;
type WriteEventPayload = z.infer<typeof writePayloadSchema>;

interface EventBase {
  /** The webhook-id header: the same for every delivery of one event, so use it to handle each once. */
  id: string;
  generatedDate: string | null;
}

export type CodatWebhookEvent =
  | (EventBase & { type: CodatConnectionEventType; payload: ConnectionEventPayload })
  | (EventBase & { type: WriteEventType; dataType: string; successful: boolean; payload: WriteEventPayload })
  /** A correctly signed event of a type this app does not use: acknowledge it and move on. */
  | (EventBase & { type: "unhandled"; eventType: string });


export type WriteEvent = Extract<CodatWebhookEvent, { dataType: string }>;

/** A `{dataType}.write.*` event (any data type). */
export function isWriteEvent(event: CodatWebhookEvent): event is WriteEvent {
  return "dataType" in event;
}

type HeaderSource = Headers | Record<string, string | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** webhook-* headers, or the svix-* names Svix also uses. */
function signatureHeaders(headers: HeaderSource) {
  const pick = (suffix: string) => header(headers, `webhook-${suffix}`) ?? header(headers, `svix-${suffix}`);
  const id = pick("id");
  const timestamp = pick("timestamp");
  const signature = pick("signature");
  if (!id || !timestamp || !signature) {
    throw new WebhookVerificationError("missing_header", "Webhook is missing a signature header");
  }
  return { id, timestamp, signature };
}

function webhookFor(secret: string): Webhook {
  try {
    return new Webhook(secret);
  } catch {
    throw new WebhookVerificationError("invalid_secret", "Webhook secret is not a valid whsec_ secret");
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Checks the signature and age of a Codat webhook and returns the parsed event.
 * Throws WebhookVerificationError on any failure (missing header, old or future timestamp, bad
 * signature, body that is not the expected JSON).
 *
 * The HMAC comes from svix's `Webhook.sign`; the timestamp check is ours because svix's `verify`
 * reads the system clock with a fixed 5-minute window, and we want `now` and the window injectable.
 */
export function verifyCodatWebhook(
  rawBody: string,
  headers: HeaderSource,
  secret: string,
  opts: { toleranceSeconds?: number; now?: Date } = {},
): CodatWebhookEvent {
  const { id, timestamp, signature } = signatureHeaders(headers);
  if (!/^\d+$/.test(timestamp.trim())) {
    throw new WebhookVerificationError("invalid_timestamp", "Webhook timestamp is not a number of seconds");
  }
  const sentAt = Number(timestamp.trim());
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  const tolerance = opts.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  if (Math.abs(now - sentAt) > tolerance) {
    throw new WebhookVerificationError("expired", "Webhook timestamp is outside the allowed window");
  }

  const expected = webhookFor(secret).sign(id, new Date(sentAt * 1000), rawBody);
  const matches = signature
    .split(" ")
    .filter((s) => s.startsWith("v1,"))
    .some((s) => sameText(s, expected));
  if (!matches) throw new WebhookVerificationError("bad_signature", "Webhook signature does not match");

  return parseEvent(id, rawBody);
}

function parseEvent(id: string, rawBody: string): CodatWebhookEvent {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new WebhookVerificationError("invalid_json", "Webhook body is not JSON");
  }
  const body = bodySchema.safeParse(json);
  if (!body.success) throw invalidPayload("body", body.error);
  const base: EventBase = { id, generatedDate: body.data.generatedDate ?? null };
  const eventType = body.data.eventType;

  const connectionType = CONNECTION_EVENT_TYPES.find((t) => t === eventType);
  if (connectionType) {
    const payload = connectionPayloadSchema.safeParse(body.data.payload);
    if (!payload.success) throw invalidPayload(eventType, payload.error);
    return { ...base, type: connectionType, payload: payload.data };
  }
  const write = WRITE_EVENT_TYPE.exec(eventType);
  if (write) {
    const payload = writePayloadSchema.safeParse(body.data.payload);
    if (!payload.success) throw invalidPayload(eventType, payload.error);
    return { ...base, type: eventType as WriteEventType, dataType: write[1]!, successful: write[2] === "successful", payload: payload.data };
  }
  return { ...base, type: "unhandled", eventType };
}

function invalidPayload(what: string, error: z.ZodError): WebhookVerificationError {
  const issue = error.issues[0];
  const where = issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "invalid";
  return new WebhookVerificationError("invalid_payload", `Webhook ${what} is not what Codat sends (${where})`);
}

/** Signs a body the way Codat (Svix) does; returns the three headers to send with it. */
export function signCodatWebhook(input: {
  id: string;
  timestamp: Date;
  body: string;
  secret: string;
}): Record<"webhook-id" | "webhook-timestamp" | "webhook-signature", string> {
  const signature = webhookFor(input.secret).sign(input.id, input.timestamp, input.body);
  return {
    "webhook-id": input.id,
    "webhook-timestamp": String(Math.floor(input.timestamp.getTime() / 1000)),
    "webhook-signature": signature,
  };
}
