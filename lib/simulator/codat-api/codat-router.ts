import { getSupplier } from "./supplier-handlers";
import { createHash, timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { isUnstorableText } from "@/lib/db/pg-errors";
import { log } from "@/lib/log";
import { configVersion, getSimConfig, takeForcedFailure } from "../config";
import type { SimContext } from "../context";
import { faultForCall } from "../fault-injection";
import type { SimEnv } from "../sim-env";
import { countRequest } from "../stats";
import type { CodatHandler } from "./codat-call";
import { codatErrorResponse, codatErrors, CodatHttpError } from "./codat-errors";
import {
  createCompany,
  createConnection,
  getCompany,
  getConnection,
  listCompanies,
  listConnections,
  unlinkConnection,
} from "./companies-handlers";
import {
  createSupplier,
  createBill,
  createBillPayment,
  createJournalEntry,
  getCompanyInfo,
  getPushOperation,
  getSupplierOptions,
  listPushOperations,
} from "./push-handlers";

/** Where the Codat-compatible API is mounted: point a Codat client's base URL here. */
const CODAT_API_PREFIX = "/api/sim/codat";

type Route = { method: string; template: string; pattern: RegExp; names: string[]; handler: CodatHandler };

function route(method: string, template: string, handler: CodatHandler): Route {
  const names: string[] = [];
  const source = template.replace(/\{([A-Za-z]+)\}/g, (_m, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { method, template, pattern: new RegExp(`^${source}$`), names, handler };
}

/** The operations the simulator answers, with the spec's path templates (also the stats keys). */
const ROUTES: readonly Route[] = [
  route("POST", "/companies", createCompany),
  route("GET", "/companies", listCompanies),
  route("GET", "/companies/{companyId}", getCompany),
  route("POST", "/companies/{companyId}/connections", createConnection),
  route("GET", "/companies/{companyId}/connections", listConnections),
  route("GET", "/companies/{companyId}/connections/{connectionId}", getConnection),
  route("PATCH", "/companies/{companyId}/connections/{connectionId}", unlinkConnection),
  route("GET", "/companies/{companyId}/connections/{connectionId}/options/suppliers", getSupplierOptions),
  route("POST", "/companies/{companyId}/connections/{connectionId}/push/suppliers", createSupplier),
  route("POST", "/companies/{companyId}/connections/{connectionId}/push/bills", createBill),
  route("POST", "/companies/{companyId}/connections/{connectionId}/push/billPayments", createBillPayment),
  route("POST", "/companies/{companyId}/connections/{connectionId}/push/journalEntries", createJournalEntry),
  route("GET", "/companies/{companyId}/push", listPushOperations),
  route("GET", "/companies/{companyId}/push/{pushOperationKey}", getPushOperation),
  route("GET", "/companies/{companyId}/data/info", getCompanyInfo),
  route("GET", "/companies/{companyId}/data/suppliers/{supplierId}", getSupplier),
];


export type SimRequestOptions = {
  db: Db;
  env: SimEnv;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  webhooks?: SimContext["webhooks"];
  dueTimers?: SimContext["dueTimers"];
};

const digest = (value: string) => createHash("sha256").update(value).digest();

/** `Authorization: Basic base64(apiKey)`, as Codat wants it. */
function isAuthorized(header: string | null, apiKey: string): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? "");
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  return timingSafeEqual(digest(decoded), digest(apiKey));
}

type FaultCounter = { version: number; calls: number };
const faultCounters = new WeakMap<Db, FaultCounter>();

/** Counts calls since the knobs last changed, so a new error rate starts a fresh, predictable run. */
function nextCallNumber(db: Db): number {
  const version = configVersion(db);
  const counter = faultCounters.get(db);
  if (!counter || counter.version !== version) {
    faultCounters.set(db, { version, calls: 1 });
    return 1;
  }
  counter.calls += 1;
  return counter.calls;
}

export function simulatorOffResponse(): Response {
  return Response.json({ error: { code: "simulator_only", message: "Not found." } }, { status: 404 });
}

function match(method: string, path: string): { route: Route; params: Record<string, string> } | "wrong_method" | null {
  let pathMatched = false;
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (r.method !== method) continue;
    const params: Record<string, string> = {};
    r.names.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1] ?? "");
    });
    return { route: r, params };
  }
  return pathMatched ? "wrong_method" : null;
}

/** The Codat-compatible API: auth, injected latency and faults, then the operation. */
export async function handleCodatRequest(request: Request, opts: SimRequestOptions): Promise<Response> {
  if (opts.env.live) return simulatorOffResponse();
  const url = new URL(request.url);
  const path = (url.pathname.startsWith(CODAT_API_PREFIX) ? url.pathname.slice(CODAT_API_PREFIX.length) : url.pathname).replace(/\/+$/, "");
  const found = match(request.method.toUpperCase(), path);
  if (found === null) return codatErrorResponse(codatErrors.routeNotFound());
  if (found === "wrong_method") return codatErrorResponse(codatErrors.methodNotAllowed());

  const { db } = opts;
  countRequest(db, `${found.route.method} ${found.route.template}`);
  const config = await getSimConfig(db);
  if (config.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, config.latencyMs));
  if (!isAuthorized(request.headers.get("authorization"), opts.env.apiKey)) {
    return codatErrorResponse(codatErrors.unauthorized());
  }
  const forced = await takeForcedFailure(db, config);
  if (forced !== null) return codatErrorResponse(codatErrors.forced(forced));
  const fault = faultForCall(nextCallNumber(db), config);
  if (fault === "429") return codatErrorResponse(codatErrors.rateLimited());
  if (fault === "5xx") return codatErrorResponse(codatErrors.serverError());

  const ctx: SimContext = { db, env: opts.env, now: opts.now?.() ?? new Date(), webhooks: opts.webhooks, dueTimers: opts.dueTimers };
  try {
    return await found.route.handler({ ctx, request, url, params: found.params });
  } catch (err) {
    if (err instanceof CodatHttpError) return codatErrorResponse(err);
    if (isUnstorableText(err)) return codatErrorResponse(codatErrors.badRequest());
    log.error("simulator request failed", { operation: found.route.template, error: err });
    return codatErrorResponse(new CodatHttpError(500, "There is a problem with our server. Please try again later."));
  }
}
