import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { findSimCompany, listCompanyConnections } from "../companies";
import { toCodatConnection, toCompanyReference } from "../codat-api/codat-shapes";
import { afterWebhooksQueued, type SimContext } from "../context";
import { simConnectionStatuses } from "../schema";
import { connectionEvent, SIM_CONNECTION_EVENT_TYPES } from "./webhook-events";
import { enqueueWebhooks, getWebhookSettings } from "./webhook-delivery";

export const sendConnectionEventSchema = z.strictObject({
  companyId: z.uuid(),
  eventType: z.enum(SIM_CONNECTION_EVENT_TYPES),
  /** The status the payload reports; the connection's own by default. */
  status: z.enum(simConnectionStatuses).optional(),
  /** When Codat generated it; now by default. An earlier date plays a late delivery. */
  generatedDate: z.iso.datetime({ offset: true }).optional(),
});

/**
 * Sends one connection event for the company's Sage 50 connection, signed and delivered like any
 * other (`POST /api/sim/webhooks/connection-events`). It changes nothing in the simulator: it lets a
 * tester play the events the simulated PC does not produce itself (created, failed, deleted) and
 * deliveries out of order.
 */
export async function sendConnectionEvent(ctx: SimContext, input: z.infer<typeof sendConnectionEventSchema>) {
  const company = await findSimCompany(ctx.db, input.companyId);
  if (!company) throw new AppError("not_found", "That simulated company was not found.");
  const [connection] = await listCompanyConnections(ctx.db, company.id);
  if (!connection) throw new AppError("not_found", "That company has no connection.");
  const event = connectionEvent({
    eventId: randomUUID(),
    eventType: input.eventType,
    generatedDate: input.generatedDate ? new Date(input.generatedDate) : ctx.now,
    company: { ...toCompanyReference(company, ctx.env.appUrl), id: company.id },
    connection: { ...toCodatConnection(connection, ctx.env.appUrl), ...(input.status ? { status: input.status } : {}) },
  });
  const settings = await getWebhookSettings(ctx.db, ctx.env);
  await enqueueWebhooks(ctx.db, [event], settings, ctx.now);
  afterWebhooksQueued(ctx);
  return { ok: true, eventId: event.eventId, eventType: event.eventType };
}
