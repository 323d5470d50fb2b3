import { randomUUID } from "node:crypto";
import { asc, count, eq } from "drizzle-orm";
import { z } from "zod";
import {
  connectionsByCompany,
  createSage50Connection,
  createSimCompany,
  findConnection,
  findSimCompany,
  listCompanyConnections,
} from "../companies";
import { afterWebhooksQueued } from "../context";
import { processPendingPushes } from "../push/process-pushes";
import { simCompanies, simConnections } from "../schema";
import { enqueueWebhooks, getWebhookSettings } from "../webhooks/webhook-delivery";
import { connectionEvent } from "../webhooks/webhook-events";
import { isRecord, isUuid, json, param, readJson, type CodatCall } from "./codat-call";
import { codatErrors, CodatHttpError } from "./codat-errors";
import { iso, toCodatCompany, toCodatConnection, toCompanyReference } from "./codat-shapes";
import { applyQuery, pagedBody, pageLinks, readPageRequest } from "./paging";

/** Companies and connections: the Platform API operations the product uses. */

const companyBodySchema = z.object({
  name: z
    .string({ error: "Company name is required." })
    .min(1, { error: "Company name is required." })
    .regex(/^[A-Za-z0-9\s\-',&@.,?!]+$/, { error: "Company name contains characters that are not allowed." }),
  description: z.string().optional(),
  tags: z
    .record(z.string().regex(/^.{1,27}$/), z.string().max(100))
    .refine((t) => Object.keys(t).length <= 10, { error: "At most 10 tags." })
    .optional(),
});

export async function requireCompany(call: CodatCall) {
  const id = param(call, "companyId");
  const company = isUuid(id) ? await findSimCompany(call.ctx.db, id) : null;
  if (!company) throw codatErrors.companyNotFound(id);
  return company;
}

export async function requireConnection(call: CodatCall, companyId: string) {
  const id = param(call, "connectionId");
  const connection = isUuid(id) ? await findConnection(call.ctx.db, companyId, id) : null;
  if (!connection) throw codatErrors.connectionNotFound(id);
  return connection;
}

export async function createCompany(call: CodatCall): Promise<Response> {
  const parsed = companyBodySchema.safeParse(await readJson(call.request));
  if (!parsed.success) throw codatErrors.badRequest(parsed.error.issues[0]?.message);
  const company = await createSimCompany(call.ctx.db, parsed.data, call.ctx.now);
  return json(toCodatCompany(company, [], call.ctx.env.appUrl));
}

const companyFields = {
  id: (c: { id: string }) => c.id,
  name: (c: { name: string }) => c.name,
  description: (c: { description: string | null }) => c.description,
  created: (c: { createdAt: Date }) => iso(c.createdAt),
};

export async function listCompanies(call: CodatCall): Promise<Response> {
  const req = readPageRequest(call.url);
  const { db, env } = call.ctx;
  let total: number;
  let page: (typeof simCompanies.$inferSelect)[];
  if (req.query === null && req.orderBy === null) {
    const [counted] = await db.select({ n: count() }).from(simCompanies);
    total = counted?.n ?? 0;
    page = await db
      .select()
      .from(simCompanies)
      .orderBy(asc(simCompanies.createdAt), asc(simCompanies.id))
      .limit(req.pageSize)
      .offset((req.page - 1) * req.pageSize);
  } else {
    const all = applyQuery(await db.select().from(simCompanies).orderBy(asc(simCompanies.createdAt)), req, companyFields, "created");
    total = all.length;
    page = all.slice((req.page - 1) * req.pageSize, req.page * req.pageSize);
  }
  const connections = await connectionsByCompany(db, page.map((c) => c.id));
  return json({
    results: page.map((c) => toCodatCompany(c, connections.get(c.id) ?? [], env.appUrl)),
    pageNumber: req.page,
    pageSize: req.pageSize,
    totalResults: total,
    _links: pageLinks(req, total, "/companies"),
  });
}

export async function getCompany(call: CodatCall): Promise<Response> {
  const company = await requireCompany(call);
  await processPendingPushes(call.ctx, { companyId: company.id });
  const connections = await listCompanyConnections(call.ctx.db, company.id);
  return json(toCodatCompany(company, connections, call.ctx.env.appUrl));
}

export async function createConnection(call: CodatCall): Promise<Response> {
  const company = await requireCompany(call);
  const body = await readJson(call.request);
  const platformKey = isRecord(body) ? body.platformKey : undefined;
  if (typeof platformKey !== "string" || platformKey.length === 0) throw codatErrors.badRequest("platformKey is required.");
  if (platformKey !== "hbql") {
    throw new CodatHttpError(400, `Integration ${platformKey} is not available: the simulator offers Sage 50 (hbql) only.`, {
      canBeRetried: "False",
    });
  }
  const connection = await createSage50Connection(call.ctx.db, company.id, call.ctx.now);
  return json(toCodatConnection(connection, call.ctx.env.appUrl));
}

const connectionFields = {
  id: (c: { id: string }) => c.id,
  status: (c: { status: string }) => c.status,
  created: (c: { createdAt: Date }) => iso(c.createdAt),
  sourceType: () => "Accounting",
  platformName: () => "Sage 50 (UK & Ireland)",
};

export async function listConnections(call: CodatCall): Promise<Response> {
  const company = await requireCompany(call);
  const req = readPageRequest(call.url);
  await processPendingPushes(call.ctx, { companyId: company.id });
  const rows = applyQuery(await listCompanyConnections(call.ctx.db, company.id), req, connectionFields, "created");
  const body = pagedBody(rows, req, `/companies/${company.id}/connections`);
  return json({ ...body, results: body.results.map((c) => toCodatConnection(c, call.ctx.env.appUrl)) });
}

export async function getConnection(call: CodatCall): Promise<Response> {
  const company = await requireCompany(call);
  await processPendingPushes(call.ctx, { companyId: company.id });
  const connection = await requireConnection(call, company.id);
  return json(toCodatConnection(connection, call.ctx.env.appUrl));
}

/** PATCH {status: "Unlinked"} (the operation is "unlink connection": no status means the same). */
export async function unlinkConnection(call: CodatCall): Promise<Response> {
  const company = await requireCompany(call);
  const connection = await requireConnection(call, company.id);
  const body = await readJson(call.request);
  const status = isRecord(body) ? (body.status ?? "Unlinked") : undefined;
  if (status !== "Unlinked") throw codatErrors.badRequest("Only status Unlinked can be set.");
  if (connection.status === "Unlinked") return json(toCodatConnection(connection, call.ctx.env.appUrl));
  const { ctx } = call;
  const settings = await getWebhookSettings(ctx.db, ctx.env);
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(simConnections)
      .set({ status: "Unlinked" })
      .where(eq(simConnections.id, connection.id))
      .returning();
    if (!row) throw codatErrors.connectionNotFound(connection.id);
    if (connection.status === "Linked") {
      const event = connectionEvent({
        eventId: randomUUID(),
        eventType: "connection.disconnected",
        generatedDate: ctx.now,
        company: { ...toCompanyReference(company, ctx.env.appUrl), id: company.id },
        connection: toCodatConnection(row, ctx.env.appUrl),
      });
      await enqueueWebhooks(tx, [event], settings, ctx.now);
    }
    return row;
  });
  if (connection.status === "Linked") afterWebhooksQueued(ctx);
  return json(toCodatConnection(updated, ctx.env.appUrl));
}
