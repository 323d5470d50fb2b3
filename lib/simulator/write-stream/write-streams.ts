import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { handleCodatRequest } from "../codat-api/codat-router";
import type { SimContext } from "../context";
import { simConnections, type SimPushDataType } from "../schema";
import type { SimEnv } from "../sim-env";
import { isFailingWrite, streamRecord } from "./write-stream-records";
import { writeStreamSchema, type WriteStreamInput, type WriteStreamSettings } from "./write-stream-schema";

/** How often a running stream sends the writes that are due. */
const STREAM_BEAT_MS = 50;
/** Writes sent at once in one beat (a stream that falls behind catches up in later beats). */
const MAX_IN_FLIGHT = 50;
/** Finished streams kept for GET, newest first. */
const FINISHED_KEPT = 20;
const MAX_COMPANIES = 100;

export type WriteStreamView = WriteStreamSettings & {
  id: string;
  status: "running" | "finished" | "stopped";
  companies: number;
  /** perSecond × durationS. */
  planned: number;
  sent: number;
  /** Accepted by the simulated Codat API (a push operation, Pending). */
  accepted: number;
  /** Refused by the simulated Codat API (the answer's status code and how many). */
  refused: Record<string, number>;
  startedAt: string;
  endedAt: string | null;
};

type Target = { companyId: string; connectionId: string };
type Stream = { view: WriteStreamView; targets: Target[]; timer: NodeJS.Timeout | null; busy: boolean; startMs: number; done: Promise<void>; finish: () => void };

type Holder = { __simWriteStreams?: Map<string, Stream> };

function streams(): Map<string, Stream> {
  const holder = globalThis as typeof globalThis & Holder;
  holder.__simWriteStreams ??= new Map();
  return holder.__simWriteStreams;
}

export type WriteStreamOptions = Pick<SimContext, "db" | "env" | "webhooks"> & {
  /** The simulator's clock for the writes (tests pass theirs); the pace follows real time. */
  clock?: () => Date;
};

/**
 * Starts a steady stream of the integrator's writes in this process: `perSecond` writes a second for
 * `durationS` seconds, each sent through the simulated Codat API's own path (`POST …/push/{dataType}`,
 * validated, Pending until the simulated PC processes it on the ticker, then `{dataType}.write.*`),
 * to the given companies in turn. The stream lives in the instance that started it.
 */
export async function startWriteStream(opts: WriteStreamOptions, raw: WriteStreamInput): Promise<WriteStreamView> {
  const input = writeStreamSchema.parse(raw);
  const targets = await linkedTargets(opts.db, input.codatCompanyIds);
  if (targets.length === 0) throw new AppError("validation_failed", "No company with a Linked connection to write to.");
  const startMs = Date.now();
  let finish = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const stream: Stream = {
    view: {
      ...input,
      id: randomUUID(),
      status: "running",
      companies: targets.length,
      planned: input.perSecond * input.durationS,
      sent: 0,
      accepted: 0,
      refused: {},
      startedAt: new Date(startMs).toISOString(),
      endedAt: null,
    },
    targets,
    timer: null,
    busy: false,
    startMs,
    done,
    finish,
  };
  stream.timer = setInterval(() => void beat(opts, stream), STREAM_BEAT_MS);
  stream.timer.unref();
  streams().set(stream.view.id, stream);
  prune();
  return copy(stream);
}

/** The stream as it stands, or 404. */
export function getWriteStream(id: string): WriteStreamView {
  return copy(find(id));
}

export function listWriteStreams(): WriteStreamView[] {
  return [...streams().values()].map(copy).reverse();
}

/** Stops a running stream (writes already sent go on as usual); a finished one is answered as it is. */
export function stopWriteStream(id: string): WriteStreamView {
  const stream = find(id);
  if (stream.view.status === "running") end(stream, "stopped");
  return copy(stream);
}

/** Resolves when the stream has finished or been stopped (for tests and scripts). */
export async function waitForWriteStream(id: string): Promise<WriteStreamView> {
  const stream = find(id);
  await stream.done;
  return copy(stream);
}

async function beat(opts: WriteStreamOptions, stream: Stream): Promise<void> {
  if (stream.busy || stream.view.status !== "running") return;
  stream.busy = true;
  try {
    const { view } = stream;
    const due = Math.min(view.planned, Math.floor(((Date.now() - stream.startMs) * view.perSecond) / 1000));
    const batch = Array.from({ length: Math.min(due - view.sent, MAX_IN_FLIGHT) }, (_, i) => view.sent + i);
    view.sent += batch.length;
    const statuses = await Promise.all(batch.map((n) => sendWrite(opts, stream, n)));
    for (const status of statuses) {
      if (status === 200) view.accepted += 1;
      else view.refused[String(status)] = (view.refused[String(status)] ?? 0) + 1;
    }
    if (view.sent >= view.planned && view.status === "running") end(stream, "finished");
  } catch (error) {
    log.warn("simulator write stream beat failed", { error });
  } finally {
    stream.busy = false;
  }
}

async function sendWrite(opts: WriteStreamOptions, stream: Stream, n: number): Promise<number> {
  const target = stream.targets[n % stream.targets.length]!;
  const record = streamRecord(stream.view.dataType, n, isFailingWrite(n, stream.view.failShare));
  const res = await handleCodatRequest(codatRequest(opts.env, target, record.dataType, record.body), {
    db: opts.db,
    env: opts.env,
    now: opts.clock,
    webhooks: opts.webhooks,
  });
  await res.arrayBuffer();
  return res.status;
}

function codatRequest(env: SimEnv, target: Target, dataType: SimPushDataType, body: Record<string, unknown>): Request {
  const url = `${env.appUrl}/api/sim/codat/companies/${target.companyId}/connections/${target.connectionId}/push/${dataType}`;
  return new Request(url, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(env.apiKey).toString("base64")}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function linkedTargets(db: Db, companyIds: string[] | undefined): Promise<Target[]> {
  const rows = await db
    .select({ companyId: simConnections.companyId, connectionId: simConnections.id })
    .from(simConnections)
    .where(eq(simConnections.status, "Linked"))
    .orderBy(simConnections.createdAt);
  const wanted = companyIds ? new Set(companyIds) : null;
  const seen = new Set<string>();
  const targets: Target[] = [];
  for (const row of rows) {
    if ((wanted && !wanted.has(row.companyId)) || seen.has(row.companyId)) continue;
    seen.add(row.companyId);
    targets.push(row);
  }
  if (wanted && targets.length < wanted.size) {
    const missing = [...wanted].filter((id) => !seen.has(id));
    throw new AppError("validation_failed", `No Linked connection for ${missing.slice(0, 3).join(", ")}.`, { details: { missing } });
  }
  return targets.slice(0, MAX_COMPANIES);
}

function end(stream: Stream, status: "finished" | "stopped"): void {
  if (stream.timer) clearInterval(stream.timer);
  stream.timer = null;
  stream.view.status = status;
  stream.view.endedAt = new Date().toISOString();
  stream.finish();
}

function find(id: string): Stream {
  const stream = streams().get(id);
  if (!stream) throw new AppError("not_found", "There is no write stream with that id in this instance.");
  return stream;
}

/** Keeps every running stream and the newest `FINISHED_KEPT` ended ones. */
function prune(): void {
  const ended = [...streams().values()].filter((s) => s.view.status !== "running");
  for (const old of ended.slice(0, Math.max(0, ended.length - FINISHED_KEPT))) streams().delete(old.view.id);
}

function copy(stream: Stream): WriteStreamView {
  return { ...stream.view, refused: { ...stream.view.refused }, ...(stream.view.codatCompanyIds ? { codatCompanyIds: [...stream.view.codatCompanyIds] } : {}) };
}
