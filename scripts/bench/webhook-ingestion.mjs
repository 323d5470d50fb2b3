// Measurement 8: Codat write-webhook ingestion. Svix-signed `{dataType}.write.*` webhooks for many
// linked companies, sent at a constant rate (scripts/bench/open-loop.mjs) to POST /api/webhooks/codat,
// which acknowledges each once it is kept in the app's inbox; after the load the bench waits for the
// inbox to be applied (GET /api/ops/codat-webhooks, as support), then compares the daily counts in the
// database with the distinct operations sent.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { Webhook } from "svix";
import { call } from "./http.mjs";
import { runOpenLoop } from "./open-loop.mjs";
import { createLinkedCompany } from "./scenario.mjs";
import { performance, sleep } from "./util.mjs";

/** Of the new operations, this share fails (an `.unsuccessful` webhook; the app then reads the operation from Codat). */
const FAILED_SHARE = 0.1;
/** Of all webhooks sent, this share is a second delivery of one already sent (same webhook id and body). */
const REPLAY_SHARE = 0.05;
/** The issue's budget for the acknowledgement. */
export const WEBHOOK_ACK_P99_MS = 100;

/** A small deterministic generator (mulberry32), so that a plan is the same for the same seed. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `total` webhooks over `companies` (round robin): about `replayShare` of them resend one sent at
 * least `replayLag` webhooks earlier, the others are new operations, `failedShare` of them failed.
 * Each item: `{ webhookId, companyIndex, operationKey, successful, replay }`. `expected` counts the
 * distinct operations per company index: what the daily counts must say afterwards.
 * @public (also read by webhook-load.test.ts, through an import knip cannot follow)
 */
export function planWebhooks({ total, companies, failedShare = FAILED_SHARE, replayShare = REPLAY_SHARE, replayLag = 50, seed = 1, newId = randomUUID }) {
  const next = random(seed);
  const items = [];
  const expected = Array.from({ length: companies }, () => ({ succeeded: 0, failed: 0 }));
  let fresh = 0;
  for (let n = 0; n < total; n++) {
    if (n >= replayLag && next() < replayShare) {
      const original = items[Math.floor(next() * (n - replayLag))];
      items.push({ ...original, replay: true });
      continue;
    }
    const companyIndex = fresh++ % companies;
    const successful = next() >= failedShare;
    items.push({ webhookId: newId(), companyIndex, operationKey: newId(), successful, replay: false });
    expected[companyIndex][successful ? "succeeded" : "failed"]++;
  }
  return { items, expected };
}

/**
 * The body Codat sends for a finished bill write (DataTypeWriteWebhook), shaped as the simulator
 * builds it (lib/simulator/webhooks/webhook-events.ts). The operations are the bench's own (new
 * uuids): reading a failed one from the simulated Codat API finds no such operation (404), which the
 * app keeps as the failure's evidence; the call is made all the same (within the company's throttle).
 * `connectionId` is not matched by the app for writes: the company id stands in for it.
 */
function writeBody(item, company, at) {
  const iso = at.toISOString();
  return JSON.stringify({
    id: item.webhookId,
    eventType: `bills.write.${item.successful ? "successful" : "unsuccessful"}`,
    generatedDate: iso,
    payload: {
      id: item.operationKey,
      type: "Create",
      referenceCompany: { id: company.codatCompanyId, name: company.name },
      connectionId: company.codatCompanyId,
      requestedOnDate: iso,
      completedOnDate: iso,
      status: item.successful ? "Success" : "Failed",
    },
  });
}

/** The secret an instance verifies Codat's webhooks with: in demo mode, the one kept in its DATA_DIR. */
export const webhookSecretOf = (dataDir) => readFileSync(path.join(dataDir, "webhook-secret"), "utf8").trim();

/** Linked companies (through the simulated PC), `batch` at a time. */
export async function linkedCompanies({ base, support, count, label, batch = 8 }) {
  const companies = [];
  for (let i = 0; i < count; i += batch) {
    const made = Array.from({ length: Math.min(batch, count - i) }, (_, j) => createLinkedCompany(base, support, `Bench ${label} ${i + j + 1} Ltd`));
    companies.push(...(await Promise.all(made)));
  }
  return companies;
}

/**
 * One load: `rate` webhooks a second for `durationS` to `targets` (round robin), signed with `secret`
 * (a replay is signed again at its own send time, as Svix does). Returns the load's figures and adds
 * to `expected`, per Codat company id, the operations sent and those acknowledged (`{ sent,
 * acknowledged }`, each `{ succeeded, failed }`): the daily counts must hold every acknowledged one,
 * and no more than were sent (one not acknowledged may have been applied after the sender gave up).
 */
const emptyExpectation = () => ({ sent: { succeeded: 0, failed: 0 }, acknowledged: { succeeded: 0, failed: 0 } });

export async function sendWebhooks({ targets, companies, secret, rate, durationS, seed, expected }) {
  const total = Math.round(rate * durationS);
  const plan = planWebhooks({ total, companies: companies.length, seed });
  const signer = new Webhook(secret);
  const bodies = new Map();
  const requestFor = (n) => {
    const item = plan.items[n];
    const now = new Date();
    let body = bodies.get(item.webhookId);
    if (!body) {
      body = writeBody(item, companies[item.companyIndex], now);
      bodies.set(item.webhookId, body);
    }
    const headers = { "webhook-id": item.webhookId, "webhook-timestamp": String(Math.floor(now.getTime() / 1000)), "webhook-signature": signer.sign(item.webhookId, now, body) };
    return { path: "/api/webhooks/codat", headers, body };
  };
  const load = await runOpenLoop({
    targets,
    rate,
    total,
    requestFor,
    tally: (body) => {
      try {
        return JSON.parse(body).outcome ?? "?";
      } catch {
        return "?";
      }
    },
  });
  // An operation is acknowledged when one of its deliveries (first or replay) was answered 2xx.
  const unanswered = new Set(load.unanswered);
  const acknowledged = new Set(plan.items.filter((_, n) => !unanswered.has(n)).map((i) => i.operationKey));
  for (const item of plan.items) {
    if (item.replay) continue;
    const key = companies[item.companyIndex].codatCompanyId;
    const sum = expected.get(key) ?? emptyExpectation();
    const outcome = item.successful ? "succeeded" : "failed";
    sum.sent[outcome]++;
    if (acknowledged.has(item.operationKey)) sum.acknowledged[outcome]++;
    expected.set(key, sum);
  }
  const replays = plan.items.filter((i) => i.replay).length;
  return { ...load, unanswered: load.unanswered.length, durationS, operations: total - replays, replays, failedOperations: plan.items.filter((i) => !i.replay && !i.successful).length };
}

/** Whether a load met the budget: every webhook acknowledged (2xx), p99 within budget, the rate held. */
export const heldRate = (load) => load.failed === 0 && load.latency.p99 <= WEBHOOK_ACK_P99_MS && load.achievedRate >= 0.95 * load.rate;

/**
 * The sustained rate: loads of `stepS` seconds at rates from `rates` (ascending), starting at `start`;
 * while a step holds (`heldRate`) the next one up is tried, and from a first step that misses, the
 * next ones down until one holds. The sustained rate is the highest step held (0 when none was).
 * After each step the inbox is let drain (`waitForInbox`, through `targets[0]`, signed in as `support`),
 * so that each step starts from an empty inbox; how long that took is kept with the step.
 */
export async function findSustainedRate({ rates, start, stepS, say, support, ...load }) {
  const steps = [];
  const held = async (rate) => {
    const step = await sendWebhooks({ ...load, rate, durationS: stepS, seed: load.seed + rate });
    const drain = await waitForInbox({ base: load.targets[0], support });
    steps.push({ ...step, drain });
    say(
      `  ${rate}/s: ${Math.round(step.achievedRate)}/s achieved, p99 ${Math.round(step.latency.p99)} ms, ${step.failed} not acknowledged${heldRate(step) ? "" : " (missed)"}; inbox drained ${drain.drained ? `in ${(drain.drainMs / 1000).toFixed(1)} s` : `NOT within the time allowed (${drain.waiting} waiting)`}`,
    );
    return heldRate(step);
  };
  let i = rates.indexOf(start);
  if (await held(rates[i])) {
    while (++i < rates.length && (await held(rates[i])));
  } else {
    while (--i >= 0 && !(await held(rates[i])));
  }
  return { sustainedRate: Math.max(0, ...steps.filter(heldRate).map((s) => s.rate)), steps };
}

/**
 * Waits until the app's inbox of Codat webhooks is empty (every acknowledged webhook applied or parked
 * as failed), asking `GET /api/ops/codat-webhooks` as support, at most `timeoutMs`. Instances that share
 * a database share the inbox, so asking one is enough. `drainMs` is from the call to an empty inbox.
 */
export async function waitForInbox({ base, support, timeoutMs = 10 * 60_000, pollMs = 250 }) {
  const started = performance.now();
  let last = null;
  for (;;) {
    const res = await call(base, "/api/ops/codat-webhooks?failures=0", { jar: support }).catch(() => null);
    if (res?.status === 200) last = res.body.inbox;
    const drainMs = performance.now() - started;
    if (last && last.waiting === 0) return { drained: true, drainMs, waiting: 0, failed: last.failed };
    if (drainMs > timeoutMs) return { drained: false, drainMs, waiting: last?.waiting ?? null, failed: last?.failed ?? null };
    await sleep(pollMs);
  }
}

const COUNTS_SQL = `select c.codat_company_id as "codatCompanyId", coalesce(sum(d.succeeded), 0)::int as succeeded, coalesce(sum(d.failed), 0)::int as failed
  from companies c left join push_write_days d on d.company_id = c.id group by c.codat_company_id`;

/**
 * The daily counts against what was sent: `missing` counts acknowledged operations not counted (lost),
 * `extra` counts beyond the operations sent (a replay applied twice); "none lost" when both are 0.
 * When every webhook was acknowledged the two bounds meet and the counts must equal what was sent.
 */
function compareCounts(rows, expected) {
  const actual = new Map(rows.map((r) => [r.codatCompanyId, r]));
  const sum = { companies: expected.size, operations: 0, acknowledged: 0, counted: 0, missing: 0, extra: 0, companiesOff: 0 };
  for (const [key, want] of expected) {
    const got = actual.get(key) ?? { succeeded: 0, failed: 0 };
    let off = false;
    for (const outcome of ["succeeded", "failed"]) {
      const counted = Number(got[outcome]);
      sum.operations += want.sent[outcome];
      sum.acknowledged += want.acknowledged[outcome];
      sum.counted += counted;
      sum.missing += Math.max(0, want.acknowledged[outcome] - counted);
      sum.extra += Math.max(0, counted - want.sent[outcome]);
      off ||= counted < want.acknowledged[outcome] || counted > want.sent[outcome];
    }
    if (off) sum.companiesOff++;
  }
  return sum;
}

/** Counts in a stopped instance's PGlite (DATA_DIR/pglite: PGlite has one owner, so the server must be stopped first). */
export async function countsInPglite(dataDir, expected) {
  const { PGlite } = await import("@electric-sql/pglite");
  const db = new PGlite(path.join(dataDir, "pglite"));
  try {
    return compareCounts((await db.query(COUNTS_SQL)).rows, expected);
  } finally {
    await db.close();
  }
}

export async function countsInPostgres(databaseUrl, expected) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return compareCounts((await client.query(COUNTS_SQL)).rows, expected);
  } finally {
    await client.end();
  }
}
