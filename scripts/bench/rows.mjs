// From measurements to the table's rows: each figure with its same-run baseline, ratio and budget.
import path from "node:path";
import { row } from "./report.mjs";
import { fmt, median, percentile } from "./util.mjs";
import { WEBHOOK_ACK_P99_MS, heldRate } from "./webhook-ingestion.mjs";

/** Budgets, in one place. */
const BUDGETS = {
  wizardStepVsBare: 1.25,
  anyRouteVsBare: 1.6,
  statusRpsVsHealth: 0.6,
  /** The status route's p99 against /api/health's p99 in the same run (an absolute figure moves with machine noise). */
  statusP99VsHealth: 1.5,
  refreshEveryMs: 5_000,
  verdictP95Ms: 1_000,
  listP95Ms: 100,
  supportPageP95Ms: 300,
  startUpMs: 5_000,
  liveCpuVsNone: 1.5,
  liveDeliveryP95Ms: 250,
  webhookAckP99Ms: WEBHOOK_ACK_P99_MS,
  webhookTwoInstancesVsOne: 1.6,
};

/** Each wizard step has its own route, /setup/<step>; /setup (a redirect) and /setup/health are not steps. */
function isWizardStepRoute(route) {
  return /^\/setup\/[^/]+$/.test(route) && route !== "/setup/health";
}

/** Measurement 1: one row per page route, the bare page's own row being the baseline. */
export function pageWeightRows(weights, bareRoute, extrasFor) {
  const bare = weights.routes.find((r) => r.route === bareRoute);
  if (!bare) throw new Error(`${bareRoute} is not in the build`);
  const rows = [
    row({ section: "page weight", measure: "First Load JS root main files", figure: weights.rootMain.gzip, figureText: fmt.kb(weights.rootMain.gzip), note: "framework only, no layout" }),
  ];
  const routes = [];
  for (const r of weights.routes) {
    const ratio = r.gzip / bare.gzip;
    const isBare = r.route === bareRoute;
    const wizardStep = isWizardStepRoute(r.route);
    const pass = isBare ? null : wizardStep ? ratio <= BUDGETS.wizardStepVsBare : ratio < BUDGETS.anyRouteVsBare;
    const extras = isBare ? [] : extrasFor(r, bare);
    routes.push({ ...r, ratio, extraChunks: extras });
    rows.push(
      row({
        section: "page weight",
        measure: `First Load JS ${r.route}`,
        figure: r.gzip,
        figureText: fmt.kb(r.gzip),
        baseline: bare.gzip,
        baselineText: fmt.kb(bare.gzip),
        ratio,
        budget: isBare ? "bare" : wizardStep ? `<=${BUDGETS.wizardStepVsBare}x` : `<${BUDGETS.anyRouteVsBare}x`,
        pass,
        note: isBare ? "baseline: server component only (root layout + boundaries)" : pass === false ? heaviest(extras) : "",
      }),
    );
  }
  return { rows, routes };
}

function heaviest(extras) {
  return extras
    .slice(0, 3)
    .map((c) => {
      const libs = Object.entries(c.gzipByLibrary).filter(([k]) => k !== "other").sort((a, b) => b[1] - a[1]);
      return `${path.basename(c.file)} ${fmt.kb(c.gzip)}${libs.length ? ` (${libs.map(([k, v]) => `${k} ${fmt.kb(v)}`).join(", ")})` : ""}`;
    })
    .join("; ");
}

/** Measurement 3: Codat calls for one pending push against the one-per-interval allowance. */
export function upstreamRow(up) {
  const intervalS = BUDGETS.refreshEveryMs / 1000;
  const allowance = up.windowS / intervalS;
  const maxCalls = Math.floor(up.windowS / intervalS) + 1; // refreshes at 0, 5, …: one more than the quotient
  return row({
    section: "upstream",
    measure: `Codat push GETs, ${up.pollers} pollers ${Math.round(up.windowS)} s`,
    figure: up.codatCalls,
    figureText: `${up.codatCalls} calls`,
    baseline: allowance,
    baselineText: `${allowance.toFixed(1)} (1/${intervalS} s)`,
    ratio: up.codatCalls / allowance,
    budget: `<=${maxCalls} calls`,
    pass: up.codatCalls <= maxCalls && up.statusAfter === "pending",
    note: `${up.polls} polls answered, push still ${up.statusAfter}`,
  });
}

/** Measurement 2: the status route against /api/health, same run, same load. */
export function statusRows(health, status, roundRatios = []) {
  const rpsRatio = status.rps / health.rps;
  return [
    row({
      section: "status route",
      measure: `Status route req/s (${status.connections} conn)`,
      figure: status.rps,
      figureText: fmt.rps(status.rps),
      baseline: health.rps,
      baselineText: `${fmt.rps(health.rps)} health`,
      ratio: rpsRatio,
      budget: `>=${BUDGETS.statusRpsVsHealth.toFixed(2)}x`,
      pass: rpsRatio >= BUDGETS.statusRpsVsHealth && status.non2xx === 0,
      note: `medians of ${roundRatios.length || 1} alternating rounds${roundRatios.length ? ` (ratios ${roundRatios.map((r) => r.toFixed(2)).join(", ")})` : ""}; baseline /api/health (select 1, no session); server CPU/request ${cpuNote(status, health)}${status.non2xx ? `; ${status.non2xx} non-2xx` : ""}`,
    }),
    row({
      section: "status route",
      measure: `Status route p99 (${status.connections} conn)`,
      figure: status.latency.p99,
      figureText: fmt.ms(status.latency.p99),
      baseline: health.latency.p99,
      baselineText: `${fmt.ms(health.latency.p99)} health`,
      ratio: status.latency.p99 / health.latency.p99,
      budget: `<=${BUDGETS.statusP99VsHealth}x`,
      pass: status.latency.p99 <= BUDGETS.statusP99VsHealth * health.latency.p99,
      note: `p50 ${fmt.ms(status.latency.p50)} (health ${fmt.ms(health.latency.p50)})`,
    }),
  ];
}

function cpuNote(route, baseline) {
  const a = route.serverCpuMsPerRequest;
  const b = baseline.serverCpuMsPerRequest;
  if (a === null || b === null) return "n/a";
  return `${a.toFixed(2)} ms vs ${b.toFixed(2)} ms (${(a / b).toFixed(1)}x)`;
}

/** Measurement 4: p50 (information) and p95 (budget), against one poll cycle, the method's resolution. */
export function verdictRows(samples) {
  const ms = samples.map((s) => s.verdictMs);
  const pollCycle = median(samples.map((s) => (Date.parse(s.seenAt) - Date.parse(s.requestedAt)) / Math.max(1, s.polls)));
  const rows = [50, 95].map((p) => {
    const v = percentile(ms, p);
    const budget = p === 95 ? BUDGETS.verdictP95Ms : null;
    return row({
      section: "verdict",
      measure: `Time to verdict p${p} (webhooks)`,
      figure: v,
      figureText: fmt.ms(v),
      baseline: pollCycle,
      baselineText: `${fmt.ms(pollCycle)} poll`,
      ratio: v / pollCycle,
      budget: budget ? `<=${budget} ms` : "info",
      pass: budget ? v <= budget : null,
      note: budget ? `${samples.length} pushes; max ${fmt.ms(Math.max(...ms))}; ${tally(samples.map((s) => s.status))}` : "baseline: one poll cycle (25 ms + request)",
    });
  });
  return { rows, pollCycle };
}

function tally(list) {
  const counts = {};
  for (const v of list) counts[v] = (counts[v] ?? 0) + 1;
  return Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(", ");
}

/** Measurement 5: each view over HTTP (vs health) and as SQL alone (vs select 1), then the page. */
export function supportListRows(http, seeded, bareRoute) {
  const rows = [];
  for (const view of http.views) {
    const sqlView = seeded.views.find((v) => v.key === view.key);
    for (const [kind, t, base, baseLabel] of [
      ["HTTP", view, http.health, "health"],
      ["SQL", sqlView?.timing, seeded.baseline, "select 1"],
    ]) {
      if (!t) continue;
      rows.push(
        row({
          section: "support list",
          measure: `Support list ${view.key} p95 (${kind})`,
          figure: t.p95,
          figureText: fmt.ms(t.p95),
          baseline: base.p95,
          baselineText: `${fmt.ms(base.p95)} ${baseLabel}`,
          ratio: t.p95 / base.p95,
          budget: `<=${BUDGETS.listP95Ms} ms`,
          pass: t.p95 <= BUDGETS.listP95Ms,
          note: `p50 ${fmt.ms(t.p50)}${kind === "HTTP" ? `; ${view.matches} rows match` : `; ${partsNote(sqlView)}`}`,
        }),
      );
    }
  }
  rows.push(
    row({
      section: "support list",
      measure: "Page /support p95",
      figure: http.page.p95,
      figureText: fmt.ms(http.page.p95),
      baseline: http.barePage.p95,
      baselineText: `${fmt.ms(http.barePage.p95)} ${bareRoute}`,
      ratio: http.page.p95 / http.barePage.p95,
      budget: `<=${BUDGETS.supportPageP95Ms} ms`,
      pass: http.page.p95 <= BUDGETS.supportPageP95Ms,
      note: `p50 ${fmt.ms(http.page.p50)}`,
    }),
  );
  return rows;
}

/** Where one list view's SQL time goes: its two statements timed apart, with how each reads companies. */
function partsNote(view) {
  const scan = (text) => (/Seq Scan on companies/.test(text) ? "seq scan" : /Index|Bitmap/.test(text) ? "index" : "?");
  const part = (label, key) => `${label} p50 ${fmt.ms(view.parts[key].p50)} (${scan(view.plan[key])})`;
  return `${part("page", "page")} + ${part("count", "count")}`;
}

/** Measurement 6: spawn → /api/health 200, against Next's own "Ready" (the framework alone). */
export function startupRows(startups, companies) {
  const rows = [];
  const add = (label, list, budget) => {
    if (list.length === 0) return;
    const m = (key) => median(list.map((s) => s[key] ?? Number.NaN));
    const health = m("healthMs");
    const ready = m("readyMs");
    rows.push(
      row({
        section: "start-up",
        measure: label,
        figure: health,
        figureText: fmt.s(health),
        baseline: ready,
        baselineText: Number.isFinite(ready) ? `${fmt.s(ready)} ready` : "-",
        ratio: health / ready,
        budget: budget ? `<=${budget / 1000} s` : "info",
        pass: budget ? health <= budget : null,
        note: `${list.length > 1 ? `median of ${list.length}; ` : ""}server CPU ${fmt.s(m("cpuToHealthyMs"))}; app start-up done ${fmt.s(m("appMs"))}; demo seeded ${fmt.s(m("demoMs"))}`,
      }),
    );
  };
  add("Start-up, existing data dir", startups.warm, BUDGETS.startUpMs);
  add("Start-up, cold data dir (migrate)", startups.cold, null);
  add(`Start-up, ${companies} companies`, startups.seeded, null);
  return rows;
}

/** Measurement 7: live updates, each phase against the same push load with nobody watching. */
export function liveRows({ none, streams, polling, twoInstances }) {
  const rows = [];
  const cpu = (ms) => `${Math.round(ms)} ms/s`;
  const deliveryNote = (p) =>
    `p50 ${fmt.ms(p.delayP50)}; ${p.deliveries} deliveries of ${p.pushesWithWebhook} verdicts (${p.pushesCompleted} completed) to ${p.watchers} watchers` +
    `${p.deliveriesBeforeWebhook ? `; ${p.deliveriesBeforeWebhook} seen before their webhook left` : ""}${p.startErrors.length ? `; start errors: ${p.startErrors[0]}` : ""}`;
  if (none && streams) {
    rows.push(
      row({
        section: "live",
        measure: `Server CPU, ${streams.watchers} open streams`,
        figure: streams.cpuMsPerS,
        figureText: cpu(streams.cpuMsPerS),
        baseline: none.cpuMsPerS,
        baselineText: `${cpu(none.cpuMsPerS)} none watching`,
        ratio: streams.cpuMsPerS / none.cpuMsPerS,
        budget: `<=${BUDGETS.liveCpuVsNone}x`,
        pass: streams.cpuMsPerS <= BUDGETS.liveCpuVsNone * none.cpuMsPerS,
        note: `${streams.pushesStarted} test pushes started at a steady rate in each phase; server CPU time per wall second`,
      }),
      row({
        section: "live",
        measure: `Verdict to each watcher p95 (${streams.watchers} streams)`,
        figure: streams.delayP95,
        figureText: fmt.ms(streams.delayP95),
        budget: `<=${BUDGETS.liveDeliveryP95Ms} ms`,
        pass: streams.deliveries > 0 && streams.delayP95 <= BUDGETS.liveDeliveryP95Ms,
        note: `from the moment the simulator sent the push's write webhook (suppliers.write.*) to the moment the watcher read the verdict; ${deliveryNote(streams)}`,
      }),
      row({
        section: "live",
        measure: `Verdict to each watcher p95, from the simulator completing the push`,
        figure: streams.fromCompletionP95,
        figureText: fmt.ms(streams.fromCompletionP95),
        note: `includes the simulator's own wait before it sends the webhook; p50 ${fmt.ms(streams.fromCompletionP50)} over ${streams.fromCompletionDeliveries} deliveries`,
      }),
      row({
        section: "live",
        measure: "Memory per open stream",
        figure: streams.rssPerWatcherBytes,
        figureText: streams.rssPerWatcherBytes === null ? "n/a" : fmt.kb(streams.rssPerWatcherBytes),
        note: "server RSS after opening the streams, less before, per stream",
      }),
    );
  }
  if (none && polling) {
    rows.push(
      row({
        section: "live",
        measure: `Server CPU, ${polling.watchers} clients polling 1.5 s`,
        figure: polling.cpuMsPerS,
        figureText: cpu(polling.cpuMsPerS),
        baseline: none.cpuMsPerS,
        baselineText: `${cpu(none.cpuMsPerS)} none watching`,
        ratio: polling.cpuMsPerS / none.cpuMsPerS,
        note: "for comparison with the streams",
      }),
      row({
        section: "live",
        measure: `Verdict to each poller p95 (${polling.watchers} polling)`,
        figure: polling.delayP95,
        figureText: fmt.ms(polling.delayP95),
        note: deliveryNote(polling),
      }),
    );
  }
  if (twoInstances) {
    rows.push(
      row({
        section: "live",
        measure: `Two instances (PostgreSQL): written on A, heard on B, p95`,
        figure: twoInstances.delayP95,
        figureText: fmt.ms(twoInstances.delayP95),
        budget: `<=${BUDGETS.liveDeliveryP95Ms} ms`,
        pass: twoInstances.deliveries > 0 && twoInstances.delayP95 <= BUDGETS.liveDeliveryP95Ms,
        note: `from the push's write webhook leaving the simulator (A's) to the watcher on B; ${deliveryNote(twoInstances)}`,
      }),
    );
  }
  return rows;
}

/** Measurement 8: Codat write-webhook ingestion, on PGlite (one instance) and on PostgreSQL (one and two instances). */
const drainText = (drain) => (drain.drained ? fmt.s(drain.drainMs) : `not in ${fmt.s(drain.drainMs)} (${drain.waiting} waiting)`);

/**
 * The inbox after the PGlite load: how long it took to apply what was still waiting when the load
 * ended, and the rate webhooks were applied at, from the load's start to an empty inbox.
 */
function drainRow({ load, drain, applyMs }) {
  const queued = load.tallies.queued ?? 0;
  return row({
    section: "webhooks",
    measure: "Webhooks applied after the load, drain time (PGlite)",
    figure: drain.drainMs,
    figureText: drainText(drain),
    note: `${queued} queued (the rest duplicates or not acknowledged) applied at ${fmt.rps((queued * 1000) / applyMs)} from the load's start to an empty inbox (${fmt.s(applyMs)}); ${drain.failed ?? "?"} parked as failed`,
  });
}

export function webhookRows({ pglite, postgres }) {
  const rows = [];
  const loadText = (l) => `${fmt.rps(l.achievedRate)} achieved of ${l.rate}/s; p50 ${fmt.ms(l.latency.p50)}, p95 ${fmt.ms(l.latency.p95)}; ${l.failed} of ${l.sent} not acknowledged${l.errors.length ? ` (${l.errors[0]})` : ""}`;
  const countsRow = (label, c, replays) =>
    row({
      section: "webhooks",
      measure: `Webhooks none lost, replays once (${label})`,
      figure: c.counted,
      figureText: `${c.counted} of ${c.operations} counted`,
      budget: "acked..sent",
      pass: c.missing === 0 && c.extra === 0,
      note: `daily counts (succeeded + failed) per company against the distinct operations sent to ${c.companies} companies (${c.acknowledged} acknowledged: each must be counted, once); ${replays} replays; ${c.missing} lost, ${c.extra} counted twice, ${c.companiesOff} companies off`,
    });
  /** The acknowledgement's p99 over one constant-rate load, against its budget. */
  const ackRow = (l, database, note) =>
    row({
      section: "webhooks",
      measure: `Webhook ack p99, ${l.rate}/s for ${l.durationS} s (${database})`,
      figure: l.latency.p99,
      figureText: fmt.ms(l.latency.p99),
      budget: `<=${BUDGETS.webhookAckP99Ms} ms`,
      pass: heldRate(l),
      note,
    });
  if (pglite) {
    const l = pglite.load;
    rows.push(
      ackRow(l, "PGlite", `${loadText(l)}; ${l.failedOperations} of the operations failed (each read from Codat when handled); load average ${pglite.loadAverage.join(" ")}`),
      countsRow("PGlite", pglite.counts, l.replays),
      drainRow(pglite),
    );
  }
  if (postgres) {
    const { minute, one, two, counts, loadAverage } = postgres;
    const stepsText = (r) =>
      r.steps.map((s) => `${s.rate}/s p99 ${fmt.ms(s.latency.p99)}${s.failed ? ` ${s.failed} not acknowledged` : ""}, drained ${drainText(s.drain)} after`).join(", ");
    const m = minute.load;
    rows.push(
      ackRow(m, "PostgreSQL", `one instance; ${loadText(m)}; inbox drained ${drainText(minute.drain)} after the load`),
      row({
        section: "webhooks",
        measure: "Webhooks sustained, one instance (PostgreSQL)",
        figure: one.sustainedRate,
        figureText: fmt.rps(one.sustainedRate),
        note: `highest step with p99 <= ${BUDGETS.webhookAckP99Ms} ms and all acknowledged: ${stepsText(one)}`,
      }),
      row({
        section: "webhooks",
        measure: "Webhooks sustained, two instances (PostgreSQL)",
        figure: two.sustainedRate,
        figureText: fmt.rps(two.sustainedRate),
        baseline: one.sustainedRate,
        baselineText: `${fmt.rps(one.sustainedRate)} one instance`,
        ratio: one.sustainedRate > 0 ? two.sustainedRate / one.sustainedRate : Number.NaN,
        budget: `>=${BUDGETS.webhookTwoInstancesVsOne}x`,
        pass: one.sustainedRate > 0 && two.sustainedRate >= BUDGETS.webhookTwoInstancesVsOne * one.sustainedRate,
        note: `round robin from the load generator; both instances, PostgreSQL and the generator share the machine's cores; load average ${loadAverage.join(" ")}; ${stepsText(two)}`,
      }),
      countsRow("PostgreSQL", counts, [m, ...one.steps, ...two.steps].reduce((n, s) => n + s.replays, 0)),
    );
  }
  return rows;
}
