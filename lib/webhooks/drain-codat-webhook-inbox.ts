import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises";
import type { Db } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import type { CodatWebhookEvent, WriteEvent } from "@/lib/codat/webhooks";
import { claimInboxWebhooks, recordInboxFailure, removeInboxWebhooks, type InboxRow } from "@/lib/db/queries/codat-webhook-inbox";
import { log, redact } from "@/lib/log";
import { companyWriteOf, handleCodatWebhook, handleCompanyWrites } from "./handle-codat-webhook";

/** Attempts per webhook before it is parked as failed; the wait before attempt n+1 is 2 s · 2^(n-1), at most 5 minutes. */
export const MAX_INBOX_ATTEMPTS = 8;
const retryDelayMs = (attempts: number) => Math.min(5 * 60_000, 2_000 * 2 ** (attempts - 1));
/** A claimed row is not taken by another drain for this long (a drain that died lets it go then). */
const LEASE_MS = 60_000;
const BATCH = 100;
const ERROR_CHARS = 1_000;

/** The drain waits at most this long, before each apply, for the acknowledgements being answered. */
const ACK_PRIORITY_MAX_WAIT_MS = 25;

export type DrainResult = { applied: number; retried: number; failed: number };

/**
 * Acknowledgements come first. The route counts the webhooks it is answering (`whileAcknowledging`);
 * before each apply the drain waits until none is left, for at most `ACK_PRIORITY_MAX_WAIT_MS`. On
 * PGlite every query runs on the event loop's thread, so without this a drain would keep the answers
 * waiting; under a steady stream the drain still moves on, at least one apply per wait, and catches up
 * when the stream stops.
 */
type Chain = { tail: Promise<unknown>; queued: boolean; running: number };
/**
 * Kept on `globalThis`: the server's start-up and its routes may be bundled apart, each with its own
 * copy of this module, and the process must still have one count and one drain loop per database.
 */
const shared = globalThis as typeof globalThis & { __codatWebhookInbox?: { acks: { inFlight: number }; chains: WeakMap<Db, Chain> } };
const { acks, chains } = (shared.__codatWebhookInbox ??= { acks: { inFlight: 0 }, chains: new WeakMap() });

export async function whileAcknowledging<T>(answer: () => Promise<T>): Promise<T> {
  acks.inFlight += 1;
  try {
    return await answer();
  } finally {
    acks.inFlight -= 1;
  }
}

async function afterAcknowledgements(): Promise<void> {
  await nextTurn();
  const until = Date.now() + ACK_PRIORITY_MAX_WAIT_MS;
  while (acks.inFlight > 0 && Date.now() < until) await sleep(1);
}

/**
 * Applies the inbox's due webhooks, oldest first, `BATCH` claimed at a time (claims are atomic, so
 * drains in several instances never take one row at once), each with `handleCodatWebhook`, which
 * applies an event once however often it is asked; a company's own writes claimed together are
 * applied together (`handleCompanyWrites`: one transaction, one health evaluation). Between two
 * applies the drain lets the event loop run, so acknowledgements keep their turn. Stops when nothing
 * is due, or after `budgetMs`.
 */
export async function drainCodatWebhookInbox(
  db: Db,
  codat: CodatClient,
  opts: { now?: () => Date; budgetMs?: number } = {},
): Promise<DrainResult> {
  const clock = opts.now ?? (() => new Date());
  const stopAt = opts.budgetMs === undefined ? Infinity : Date.now() + opts.budgetMs;
  const result: DrainResult = { applied: 0, retried: 0, failed: 0 };
  for (;;) {
    const rows = await claimInboxWebhooks(db, { now: clock(), limit: BATCH, leaseMs: LEASE_MS });
    const applied: string[] = [];
    for (const group of applyGroups(rows)) {
      await afterAcknowledgements();
      if (group.length > 1 && (await applyTogether(db, codat, group))) {
        applied.push(...group.map((r) => r.id));
      } else {
        // Alone, or again one by one after the group failed: a failing webhook holds up only itself.
        for (const row of group) {
          try {
            await handleCodatWebhook(db, codat, eventOf(row));
            applied.push(row.id);
          } catch (err) {
            await recordFailure(db, row, err, clock(), result);
          }
        }
      }
    }
    await removeInboxWebhooks(db, applied);
    result.applied += applied.length;
    if (rows.length < BATCH || Date.now() >= stopAt) return result;
  }
}

const eventOf = (row: InboxRow) => row.event as unknown as CodatWebhookEvent;

/**
 * The claimed rows in the order received, a company's own writes gathered at the place of its first
 * (`companyWriteOf`), to be applied together; every other webhook alone.
 */
function applyGroups(rows: InboxRow[]): InboxRow[][] {
  const groups: InboxRow[][] = [];
  const byCompany = new Map<string, InboxRow[]>();
  for (const row of rows) {
    const company = companyWriteOf(eventOf(row));
    const group = company === null ? undefined : byCompany.get(company);
    if (group) {
      group.push(row);
      continue;
    }
    const created = [row];
    groups.push(created);
    if (company !== null) byCompany.set(company, created);
  }
  return groups;
}

/** A company's writes in one go; false when that failed (each is then applied alone). */
async function applyTogether(db: Db, codat: CodatClient, group: InboxRow[]): Promise<boolean> {
  try {
    await handleCompanyWrites(db, codat, group.map((row) => eventOf(row) as WriteEvent));
    return true;
  } catch (err) {
    log.warn("Codat webhooks of one company not applied together, applied one by one", { count: group.length, error: err });
    return false;
  }
}

async function recordFailure(db: Db, row: InboxRow, err: unknown, now: Date, result: DrainResult): Promise<void> {
  const error = redact(innermostMessage(err)).slice(0, ERROR_CHARS);
  const parked = row.attempts >= MAX_INBOX_ATTEMPTS;
  const retryAt = parked ? null : new Date(now.getTime() + retryDelayMs(row.attempts));
  await recordInboxFailure(db, { id: row.id, error, retryAt, now });
  if (parked) {
    result.failed += 1;
    log.error("Codat webhook parked after its last attempt", { webhookId: row.id, eventType: row.eventType, attempts: row.attempts, error });
  } else {
    result.retried += 1;
    log.warn("Codat webhook not applied, retried later", { webhookId: row.id, eventType: row.eventType, attempts: row.attempts, error });
  }
}

/** The driver's own words: drizzle wraps a failed query's error (its message is the whole statement) as `cause`. */
function innermostMessage(err: unknown): string {
  let at = err;
  while (at instanceof Error && at.cause instanceof Error) at = at.cause;
  return at instanceof Error ? at.message : String(at);
}

/** One drain at a time per database handle: a kick while one runs queues at most one more. */
function chainFor(db: Db): Chain {
  let chain = chains.get(db);
  if (!chain) {
    chain = { tail: Promise.resolve(), queued: false, running: 0 };
    chains.set(db, chain);
  }
  return chain;
}

function runExclusive<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const chain = chainFor(db);
  chain.running += 1;
  const run = chain.tail.then(fn, fn).finally(() => {
    chain.running -= 1;
  });
  chain.tail = run.catch(() => undefined);
  return run;
}

/**
 * Drains working in parallel in one process: PGlite has one connection, so one; on PostgreSQL a few
 * (each claims its own rows), so that applying is not held to one query at a time.
 */
export const DRAIN_WORKERS = { pglite: 1, postgres: 4 } as const;

/** Starts applying what is waiting, without waiting for it (the route calls it after each new webhook). */
export function kickCodatWebhookInbox(db: Db, codat: CodatClient, workers = 1): void {
  const chain = chainFor(db);
  if (chain.queued) return;
  chain.queued = true;
  runExclusive(db, async () => {
    chain.queued = false;
    await Promise.all(Array.from({ length: workers }, () => drainCodatWebhookInbox(db, codat)));
  }).catch((error: unknown) => log.warn("Codat webhook inbox drain failed", { error }));
}

/**
 * The scheduled pass: drains within `budgetMs`, unless this process is draining already (that drain
 * applies whatever is due, and the scheduler is not held up behind it).
 */
export async function drainCodatWebhookInboxIfIdle(db: Db, codat: CodatClient, budgetMs: number): Promise<DrainResult | null> {
  if (chainFor(db).running > 0) return null;
  return runExclusive(db, () => drainCodatWebhookInbox(db, codat, { budgetMs }));
}
