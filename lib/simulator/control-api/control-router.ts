import { z, type ZodType } from "zod";
import { isUnstorableText } from "@/lib/db/pg-errors";
import { AppError, unstorableText } from "@/lib/errors";
import { readLimitedText } from "@/lib/http/read-limited-text";
import { log } from "@/lib/log";
import { simulatorOffResponse, type SimRequestOptions } from "../codat-api/codat-router";
import { getSimConfig, simConfigUpdateSchema, updateSimConfig } from "../config";
import type { SimContext } from "../context";
import { pcActionSchema, runPcAction } from "../pc/pc-actions";
import { SimPcError } from "../pc/pc-errors";
import { setPcHost, setPcHostSchema } from "../pc/pc-host";
import { readPcState } from "../pc/pc-state";
import { seedLinkedCompany, seedLinkedCompanySchema } from "../seed-linked-company";
import { getRequestCounts, resetRequestCounts } from "../stats";
import { runSimulatorTick } from "../ticker";
import { listWebhookDeliveries, replayWebhook } from "../webhooks/webhook-delivery";
import { sendConnectionEvent, sendConnectionEventSchema } from "../webhooks/send-connection-event";
import { writeStreamSchema } from "../write-stream/write-stream-schema";
import { getWriteStream, listWriteStreams, startWriteStream, stopWriteStream } from "../write-stream/write-streams";

/**
 * The simulator's own API (not Codat's): the PC's controls, knobs, counters and webhook log.
 * Errors use the app's shape `{ error: { code, message, details? } }`.
 */
const SIM_API_PREFIX = "/api/sim";

type Handler = (ctx: SimContext, request: Request, params: Record<string, string>, url: URL) => Promise<unknown>;
type ControlRoute = { method: string; pattern: RegExp; handler: Handler };

const UUID = "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})";

/** The simulated PC's controls take small JSON bodies. */
const MAX_BODY_BYTES = 64 * 1024;

async function parseBody<T>(request: Request, schema: ZodType<T>): Promise<T> {
  let raw: unknown = {};
  const text = await readLimitedText(
    request,
    MAX_BODY_BYTES,
    () => new AppError("payload_too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`),
  );
  if (text.trim() !== "") {
    try {
      raw = JSON.parse(text) as unknown;
    } catch {
      throw new AppError("validation_failed", "The body is not valid JSON.");
    }
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.map(String).join(".")}: ` : "";
  throw new AppError("validation_failed", `${where}${first?.message ?? "The body is not valid."}`, {
    details: { fields: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })) },
  });
}

const companyId = (params: Record<string, string>) => params.companyId ?? "";

const ROUTES: readonly ControlRoute[] = [
  {
    method: "GET",
    pattern: new RegExp(`^/pc/${UUID}$`),
    handler: (ctx, _req, params) => readPcState(ctx, companyId(params)),
  },
  {
    method: "POST",
    pattern: new RegExp(`^/pc/${UUID}/actions$`),
    handler: async (ctx, req, params) => {
      const action = await parseBody(req, pcActionSchema);
      const message = await runPcAction(ctx, companyId(params), action);
      return { ok: true, message, state: await readPcState(ctx, companyId(params)) };
    },
  },
  {
    method: "PUT",
    pattern: new RegExp(`^/pc/${UUID}/host$`),
    handler: async (ctx, req, params) => {
      const message = await setPcHost(ctx, companyId(params), await parseBody(req, setPcHostSchema));
      return { ok: true, message, state: await readPcState(ctx, companyId(params)) };
    },
  },
  {
    method: "POST",
    pattern: /^\/seed-linked-company$/,
    handler: async (ctx, req) => seedLinkedCompany(ctx, await parseBody(req, seedLinkedCompanySchema)),
  },
  { method: "GET", pattern: /^\/config$/, handler: (ctx) => getSimConfig(ctx.db) },
  {
    method: "PUT",
    pattern: /^\/config$/,
    handler: async (ctx, req) => updateSimConfig(ctx.db, await parseBody(req, simConfigUpdateSchema)),
  },
  { method: "GET", pattern: /^\/stats$/, handler: async (ctx) => ({ operations: await getRequestCounts(ctx.db) }) },
  {
    method: "POST",
    pattern: /^\/stats\/reset$/,
    handler: async (ctx) => {
      await resetRequestCounts(ctx.db);
      return { ok: true };
    },
  },
  {
    method: "GET",
    pattern: /^\/webhooks$/,
    handler: async (ctx, _req, _params, url) => {
      const filter = z
        .object({ companyId: z.uuid().optional(), eventType: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).optional() })
        .safeParse(Object.fromEntries(url.searchParams));
      if (!filter.success) throw new AppError("validation_failed", "Use companyId (a uuid), eventType and limit (1-500).");
      const rows = await listWebhookDeliveries(ctx.db, filter.data);
      return { deliveries: rows.map(({ body, ...row }) => ({ ...row, body: JSON.parse(body) as unknown })) };
    },
  },
  {
    method: "POST",
    pattern: /^\/webhooks\/(msg_[A-Za-z0-9]+)\/replay$/,
    handler: async (ctx, _req, params) => {
      const row = await replayWebhook(ctx.db, ctx.env, params.deliveryId ?? "", ctx.now);
      if (!row) throw new AppError("not_found", "That webhook delivery was not found.");
      return { id: row.id, eventType: row.eventType, status: row.status, attempts: row.attempts, lastStatus: row.lastStatus };
    },
  },
  {
    method: "POST",
    pattern: /^\/webhooks\/connection-events$/,
    handler: async (ctx, req) => sendConnectionEvent(ctx, await parseBody(req, sendConnectionEventSchema)),
  },
  { method: "POST", pattern: /^\/tick$/, handler: (ctx) => runSimulatorTick(ctx.db, ctx.now, ctx.env) },
  {
    method: "POST",
    pattern: /^\/write-streams$/,
    handler: async (ctx, req) => ({ stream: await startWriteStream(ctx, await parseBody(req, writeStreamSchema)) }),
  },
  { method: "GET", pattern: /^\/write-streams$/, handler: async () => ({ streams: listWriteStreams() }) },
  { method: "GET", pattern: new RegExp(`^/write-streams/${UUID}$`), handler: async (_ctx, _req, params) => ({ stream: getWriteStream(params.streamId ?? "") }) },
  { method: "DELETE", pattern: new RegExp(`^/write-streams/${UUID}$`), handler: async (_ctx, _req, params) => ({ stream: stopWriteStream(params.streamId ?? "") }) },
];

const PARAM_NAMES: Record<string, string> = { pc: "companyId", webhooks: "deliveryId", "write-streams": "streamId" };

function errorJson(err: unknown): Response {
  if (err instanceof SimPcError) {
    const code = err.status === 404 ? "not_found" : err.status === 409 ? "conflict" : "validation_failed";
    return Response.json({ error: { code, message: err.message, details: { reason: err.reason } } }, { status: err.status });
  }
  if (err instanceof AppError) {
    return Response.json(
      { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } },
      { status: err.status },
    );
  }
  if (isUnstorableText(err)) return errorJson(unstorableText());
  log.error("simulator control request failed", { error: err });
  return Response.json({ error: { code: "internal", message: "The simulator failed to do that." } }, { status: 500 });
}

/** Routes `/api/sim/...` (other than `/api/sim/codat/...`). */
export async function handleSimControlRequest(request: Request, opts: SimRequestOptions): Promise<Response> {
  if (opts.env.live) return simulatorOffResponse();
  const url = new URL(request.url);
  const path = (url.pathname.startsWith(SIM_API_PREFIX) ? url.pathname.slice(SIM_API_PREFIX.length) : url.pathname).replace(/\/+$/, "");
  const method = request.method.toUpperCase();
  const candidates = ROUTES.filter((r) => r.pattern.test(path));
  if (candidates.length === 0) return errorJson(new AppError("not_found", "There is no such simulator endpoint."));
  const found = candidates.find((r) => r.method === method);
  if (!found) return errorJson(new AppError("method_not_allowed", `Use ${candidates.map((r) => r.method).join(" or ")}.`));
  const m = found.pattern.exec(path);
  const first = path.split("/")[1] ?? "";
  const params: Record<string, string> = m?.[1] ? { [PARAM_NAMES[first] ?? "id"]: m[1] } : {};
  const ctx: SimContext = { db: opts.db, env: opts.env, now: opts.now?.() ?? new Date(), webhooks: opts.webhooks };
  try {
    return Response.json(await found.handler(ctx, request, params, url));
  } catch (err) {
    return errorJson(err);
  }
}
