// Measurement 7: live updates. Many open event streams (GET /api/companies/{id}/events) while test
// pushes complete at a steady rate, against the same load with nobody watching and with the same
// clients polling the status route every 1.5 s: server CPU, time from the webhook that decided each
// verdict to each watcher (and, for comparison, from the simulator completing the push), memory per
// open stream.
import http from "node:http";
import { FINAL_STATUSES, createLinkedCompany, simPushOperation, simWriteWebhooksSentAt, startTestPush } from "./scenario.mjs";
import { percentile, sleep } from "./util.mjs";

/** The app lets a company start 10 test pushes per 10 minutes; the bench keeps under that. */
const PUSHES_PER_COMPANY = 8;
const POLL_EVERY_MS = 1_500;
/** The head of every state message: `{"testPush":{"id":"…","status":"…"` (lib/live/live-state.ts). */
const HEAD = /^\{"testPush":\{"id":"([^"]+)","status":"([^"]+)"/;

/** A push takes about a second or two: a company starts its next one only after that. */
const SECONDS_BETWEEN_A_COMPANYS_PUSHES = 3;

/** Linked companies enough for `perS` test pushes a second for `durationS`, made a few at a time. */
export async function companiesFor({ base, support, perS, durationS, label }) {
  const count = Math.max(Math.ceil((perS * durationS) / PUSHES_PER_COMPANY), perS * SECONDS_BETWEEN_A_COMPANYS_PUSHES);
  const companies = [];
  for (let i = 0; i < count; i += 4) {
    const batch = Array.from({ length: Math.min(4, count - i) }, (_, j) => createLinkedCompany(base, support, `Bench ${label} ${i + j + 1} Ltd`));
    companies.push(...(await Promise.all(batch)));
  }
  return companies;
}

/** One event stream read by hand (node:http, one socket each): calls `onHead` with each state's push id and status. */
function openStream(base, company, onHead) {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(`/api/companies/${company.id}/events`, base), {
      headers: { cookie: company.clientJar.header(), accept: "text/event-stream" },
      agent: false,
    });
    req.on("response", (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`events answered ${res.statusCode}`));
        return;
      }
      res.setEncoding("utf8");
      let buffer = "";
      res.on("data", (chunk) => {
        buffer += chunk;
        let cut;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block.split("\n").find((line) => line.startsWith("data: "));
          const head = data && HEAD.exec(data.slice(6));
          if (head) onHead(head[1], head[2]);
        }
      });
      res.on("error", () => undefined);
      resolve({ close: () => req.destroy() });
    });
    req.on("error", reject);
    req.end();
  });
}

/** `count` watchers spread over `companies`, by stream or by polling; each records when it first saw each push final. */
async function openWatchers({ base, companies, count, mode }) {
  const seen = [];
  const watchers = [];
  const record = (firstSeen) => (id, status) => {
    if (!FINAL_STATUSES.has(status) || firstSeen.has(id)) return;
    firstSeen.set(id, Date.now());
    seen.push({ id, at: Date.now() });
  };
  for (let i = 0; i < count; i += 50) {
    const batch = [];
    for (let j = i; j < Math.min(count, i + 50); j++) {
      const company = companies[j % companies.length];
      const onHead = record(new Map());
      batch.push(mode === "stream" ? openStream(base, company, onHead) : startPoller(base, company, onHead));
    }
    watchers.push(...(await Promise.all(batch)));
  }
  return { seen, close: () => watchers.forEach((w) => w.close()) };
}

/** A page polling the status route every 1.5 s (the first poll at a random point of the first interval). */
function startPoller(base, company, onHead) {
  let stopped = false;
  const loop = async () => {
    await sleep(Math.random() * POLL_EVERY_MS);
    while (!stopped) {
      const next = Date.now() + POLL_EVERY_MS;
      try {
        const res = await fetch(`${base}/api/companies/${company.id}/test-pushes`, { headers: { cookie: company.clientJar.header() } });
        const body = await res.json();
        if (body?.testPush) onHead(body.testPush.id, body.testPush.status);
      } catch {
        // an overloaded server: the next poll tries again
      }
      await sleep(Math.max(0, next - Date.now()));
    }
  };
  void loop();
  return Promise.resolve({ close: () => (stopped = true) });
}

/** Starts `perS` test pushes a second for `durationS` seconds, round robin over `companies`. */
async function drivePushes({ base, companies, perS, durationS, tag }) {
  const started = [];
  const errors = [];
  const t0 = Date.now();
  const calls = [];
  for (let n = 0; n < perS * durationS; n++) {
    await sleep(Math.max(0, t0 + (n * 1000) / perS - Date.now()));
    const company = companies[n % companies.length];
    calls.push(
      startTestPush(base, company.clientJar, company.id, `bench-live-${tag}-${n}`).then(
        (push) => started.push({ company, push }),
        (err) => errors.push(String(err?.message ?? err)),
      ),
    );
  }
  await Promise.all(calls);
  // A start while the company's push still runs answers that push: count each once.
  const unique = [...new Map(started.map((s) => [s.push.id, s])).values()];
  return { started: unique, errors, repeated: started.length - unique.length };
}

/**
 * One phase: `count` watchers (none, streams or pollers) on `watchBase`, pushes started on `writeBase`
 * for `durationS`; CPU of `server` over the push window, and each watcher's delay after the write
 * webhook of the push it saw left the simulator (and after the simulator completed that push).
 */
export async function livePhase({ writeBase, watchBase = writeBase, server, companies, count, mode, perS, durationS, tag, settleMs = 3_000 }) {
  const rssBefore = server.rssBytes();
  const watchers = count > 0 ? await openWatchers({ base: watchBase, companies, count, mode }) : { seen: [], close: () => undefined };
  await sleep(1_000);
  const rssOpen = server.rssBytes();
  const cpu0 = server.cpuMs();
  const t0 = Date.now();
  const { started, errors, repeated } = await drivePushes({ base: writeBase, companies, perS, durationS, tag });
  if (started.length === 0) {
    watchers.close();
    throw new Error(`no test push started: ${errors[0] ?? "no answer"}`);
  }
  await sleep(settleMs);
  const cpuMsPerS = (server.cpuMs() - cpu0) / ((Date.now() - t0) / 1000);
  watchers.close();
  const { completed, webhookSent } = await pushTimes(writeBase, started);
  const delaysAfter = (times) => watchers.seen.filter((s) => times.has(s.id)).map((s) => s.at - times.get(s.id));
  const delays = delaysAfter(webhookSent);
  const fromCompletion = delaysAfter(completed);
  return {
    mode,
    watchers: count,
    pushesStarted: started.length,
    startsAnsweredWithARunningPush: repeated,
    pushesCompleted: completed.size,
    pushesWithWebhook: webhookSent.size,
    startErrors: errors.slice(0, 5),
    cpuMsPerS,
    deliveries: delays.length,
    /** Deliveries seen before the webhook left (the verdict learnt by reading the push instead). */
    deliveriesBeforeWebhook: delays.filter((d) => d < 0).length,
    delayP50: percentile(delays, 50),
    delayP95: percentile(delays, 95),
    fromCompletionDeliveries: fromCompletion.length,
    fromCompletionP50: percentile(fromCompletion, 50),
    fromCompletionP95: percentile(fromCompletion, 95),
    rssPerWatcherBytes: count > 0 && rssBefore !== null ? (rssOpen - rssBefore) / count : null,
  };
}

/** Per test push (by id): when the simulator completed its push operation, and when it sent that operation's write webhook. */
async function pushTimes(base, started) {
  const completed = new Map();
  const webhookSent = new Map();
  const sentByCompany = new Map();
  for (const { company, push } of started) {
    const op = await simPushOperation(base, company.codatCompanyId, push.pushOperationKey).catch(() => null);
    const at = Date.parse(op?.completedOnUtc ?? "");
    if (Number.isFinite(at)) completed.set(push.id, at);
    if (!sentByCompany.has(company.codatCompanyId)) {
      sentByCompany.set(company.codatCompanyId, await simWriteWebhooksSentAt(base, company.codatCompanyId).catch(() => new Map()));
    }
    const sent = sentByCompany.get(company.codatCompanyId).get(push.pushOperationKey);
    if (sent !== undefined) webhookSent.set(push.id, sent);
  }
  return { completed, webhookSent };
}
