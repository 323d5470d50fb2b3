import { randomUUID } from "node:crypto";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { loadPc } from "../pc/pc-store";
import { completeWhenDue } from "../push/complete-when-due";
import { processPendingPushes } from "../push/process-pushes";
import { emptyValidation, PUSH_STATUS_CODES } from "../push/push-rules";
import { simConnections, simPushOperations, type SimPushDataType } from "../schema";
import { validateRequestBody } from "@/lib/codat/openapi-validator";
import { isRecord, isUuid, json, param, readJson, type CodatCall } from "./codat-call";
import { codatErrors, CodatHttpError } from "./codat-errors";
import { iso, toCodatPushOperation, toCompanyInfo } from "./codat-shapes";
import { requireCompany, requireConnection } from "./companies-handlers";
import { applyQuery, pagedBody, readPageRequest } from "./paging";
import { sage50SupplierOptions } from "./supplier-options";

/** Push options, create supplier, push operations and company info. */

export async function getSupplierOptions(call: CodatCall): Promise<Response> {
  const company = await requireCompany(call);
  await requireConnection(call, company.id);
  const { pc } = await loadPc(call.ctx.db, company.id);
  return json(sage50SupplierOptions(pc.sageVersion));
}

const MAX_TIMEOUT_MINUTES = 60 * 24 * 14;

function readTimeout(url: URL): number | null {
  const raw = url.searchParams.get("timeoutInMinutes");
  if (raw === null || raw === "") return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_TIMEOUT_MINUTES) {
    throw codatErrors.badRequest(`timeoutInMinutes must be a whole number from 1 to ${MAX_TIMEOUT_MINUTES}.`);
  }
  return n;
}

/**
 * Accepted at once as Pending (like Codat); the simulated connector decides the outcome later.
 * Only a Linked connection takes writes.
 */
export async function createSupplier(call: CodatCall): Promise<Response> {
  return createWrite(call, "suppliers");
}

/** The integrator's bills (`POST …/push/bills`, Sync for Payables), checked against the vendored spec. */
export async function createBill(call: CodatCall): Promise<Response> {
  return createWrite(call, "bills");
}

/** The integrator's bill payments (`POST …/push/billPayments`, Sync for Payables), checked against the vendored spec. */
export async function createBillPayment(call: CodatCall): Promise<Response> {
  return createWrite(call, "billPayments");
}

/** The integrator's journal entries (`POST …/push/journalEntries`, Sync for Payables), checked against the vendored spec. */
export async function createJournalEntry(call: CodatCall): Promise<Response> {
  return createWrite(call, "journalEntries");
}

/**
 * Bills, bill payments and journal entries are checked against the Sync for Payables spec's request
 * body, as Codat validates them; a supplier is left to the simulated Sage 50's own record rules.
 */
function specErrors(dataType: SimPushDataType, body: unknown): string[] {
  if (dataType === "suppliers") return [];
  return validateRequestBody("payables", "POST", `/companies/{companyId}/connections/{connectionId}/push/${dataType}`, body);
}

async function createWrite(call: CodatCall, dataType: SimPushDataType): Promise<Response> {
  const company = await requireCompany(call);
  const connection = await requireConnection(call, company.id);
  const timeoutInMinutes = readTimeout(call.url);
  const body = await readJson(call.request);
  if (!isRecord(body)) throw codatErrors.badRequest(`The ${dataType === "suppliers" ? "supplier" : "record"} must be a JSON object.`);
  const invalid = specErrors(dataType, body);
  if (invalid.length > 0) {
    throw new CodatHttpError(400, `The ${dataType} record is not valid.`, {
      validation: { errors: invalid.slice(0, 20).map((message) => ({ message, validatorName: dataType })), warnings: [] },
    });
  }
  if (connection.status !== "Linked") {
    throw new CodatHttpError(400, `Data connection ${connection.id} is ${connection.status}: only a Linked connection accepts writes.`, {
      canBeRetried: "False",
    });
  }
  const [row] = await call.ctx.db
    .insert(simPushOperations)
    .values({
      key: randomUUID(),
      companyId: company.id,
      connectionId: connection.id,
      dataType,
      status: "Pending",
      statusCode: PUSH_STATUS_CODES.pending,
      validation: emptyValidation(),
      requestedOn: call.ctx.now,
      timeoutInMinutes,
      body,
    })
    .returning();
  if (!row) throw new Error("push operation insert returned nothing");
  await completeWhenDue(call.ctx, company.id, row.requestedOn);
  return json(toCodatPushOperation(row));
}

const pushFields = {
  pushOperationKey: (p: { key: string }) => p.key,
  status: (p: { status: string }) => p.status,
  dataType: (p: { dataType: string }) => p.dataType,
  dataConnectionKey: (p: { connectionId: string }) => p.connectionId,
  requestedOnUtc: (p: { requestedOn: Date }) => iso(p.requestedOn),
  completedOnUtc: (p: { completedOn: Date | null }) => (p.completedOn ? iso(p.completedOn) : null),
};

export async function listPushOperations(call: CodatCall): Promise<Response> {
  const company = await requireCompany(call);
  const req = readPageRequest(call.url);
  await processPendingPushes(call.ctx, { companyId: company.id });
  const rows = await call.ctx.db
    .select()
    .from(simPushOperations)
    .where(eq(simPushOperations.companyId, company.id))
    .orderBy(desc(simPushOperations.requestedOn));
  const body = pagedBody(applyQuery(rows, req, pushFields, "-requestedOnUtc"), req, `/companies/${company.id}/push`);
  return json({ ...body, results: body.results.map(toCodatPushOperation) });
}

export async function getPushOperation(call: CodatCall): Promise<Response> {
  const company = await requireCompany(call);
  const key = param(call, "pushOperationKey");
  if (!isUuid(key)) throw codatErrors.pushOperationNotFound(key);
  await processPendingPushes(call.ctx, { companyId: company.id });
  const [row] = await call.ctx.db
    .select()
    .from(simPushOperations)
    .where(and(eq(simPushOperations.companyId, company.id), eq(simPushOperations.key, key)));
  if (!row) throw codatErrors.pushOperationNotFound(key);
  return json(toCodatPushOperation(row));
}

/** Company info exists once the connector has synced the company (it has been Linked). */
export async function getCompanyInfo(call: CodatCall): Promise<Response> {
  const company = await requireCompany(call);
  const [synced] = await call.ctx.db
    .select({ id: simConnections.id })
    .from(simConnections)
    .where(and(eq(simConnections.companyId, company.id), isNotNull(simConnections.lastSync)))
    .limit(1);
  if (!synced) throw codatErrors.dataNotAvailable();
  const { pc } = await loadPc(call.ctx.db, company.id);
  return json(toCompanyInfo(pc, company));
}
