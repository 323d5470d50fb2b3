import type { CodatCompanyReference, CodatConnection } from "../codat-api/codat-shapes";
import { iso } from "../codat-api/codat-shapes";
import type { SimPushDataType, SimPushStatus } from "../schema";

/**
 * Webhook bodies as Codat sends them: `{ id, eventType, generatedDate, payload }`, with the company
 * reference inside the payload. Serialised once, so that every attempt and replay sends the same bytes.
 */

/** The connection events Codat documents (Platform spec, webhooks), all of which the simulator can send. */
export const SIM_CONNECTION_EVENT_TYPES = [
  "connection.created",
  "connection.connected",
  "connection.disconnected",
  "connection.reconnected",
  "connection.failed",
  "connection.deleted",
] as const;
type SimConnectionEventType = (typeof SIM_CONNECTION_EVENT_TYPES)[number];

type SimWebhookEventType = SimConnectionEventType | `${SimPushDataType}.write.${"successful" | "unsuccessful"}`;

export type SimWebhookEvent = {
  eventId: string;
  eventType: SimWebhookEventType;
  companyId: string;
  body: string;
};

export function connectionEvent(input: {
  eventId: string;
  eventType: SimConnectionEventType;
  generatedDate: Date;
  company: CodatCompanyReference & { id: string };
  connection: CodatConnection;
}): SimWebhookEvent {
  const body = {
    id: input.eventId,
    eventType: input.eventType,
    generatedDate: iso(input.generatedDate),
    payload: { referenceCompany: input.company, connection: input.connection },
  };
  return { eventId: input.eventId, eventType: input.eventType, companyId: input.company.id, body: JSON.stringify(body) };
}

/** `{dataType}.write.successful|unsuccessful` for a finished write of any data type the simulator takes. */
export function writeEvent(input: {
  eventId: string;
  dataType: SimPushDataType;
  generatedDate: Date;
  company: CodatCompanyReference & { id: string };
  connectionId: string;
  pushOperationKey: string;
  requestedOn: Date;
  completedOn: Date;
  status: Exclude<SimPushStatus, "Pending">;
  /** The record's id in Sage 50 when one was written. */
  recordId: string | null;
}): SimWebhookEvent {
  const eventType = `${input.dataType}.write.${input.status === "Success" ? "successful" : "unsuccessful"}` as const;
  const body = {
    id: input.eventId,
    eventType,
    generatedDate: iso(input.generatedDate),
    payload: {
      id: input.pushOperationKey,
      type: "Create",
      referenceCompany: input.company,
      connectionId: input.connectionId,
      requestedOnDate: iso(input.requestedOn),
      completedOnDate: iso(input.completedOn),
      status: input.status,
      ...(input.recordId === null ? {} : { record: { id: input.recordId } }),
    },
  };
  return { eventId: input.eventId, eventType, companyId: input.company.id, body: JSON.stringify(body) };
}
