// The bench's one table and bench-results/bench.json.
import os from "node:os";

/**
 * A row: what was measured, its figure and the same-run baseline it is compared with, the budget and
 * whether the figure is within it (`pass`: true, false, or null for figures given for information).
 */
export function row({ section, measure, figure, figureText, baseline = null, baselineText = "-", ratio = null, budget = "info", pass = null, note = "" }) {
  return { section, measure, figure, figureText, baseline, baselineText, ratio, budget, pass, note };
}

export function errorRow(section, measure, err) {
  return row({ section, measure, figure: null, figureText: "ERROR", budget: "-", pass: false, note: String(err?.message ?? err).split("\n")[0].slice(0, 160) });
}

export function machine() {
  return {
    date: new Date().toISOString(),
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    totalMemoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

function resultText(r) {
  if (r.figureText === "ERROR") return "ERROR";
  if (r.pass === null) return "info";
  return r.pass ? "ok" : "MISSED";
}

export function renderTable(rows) {
  const head = ["measure", "figure", "baseline", "ratio", "budget", "result", "note"];
  const cells = rows.map((r) => [
    r.measure,
    r.figureText,
    r.baselineText,
    Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}x` : "-",
    r.budget,
    resultText(r),
    r.note ?? "",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => String(c[i]).length)));
  const line = (c) => c.map((v, i) => (i === c.length - 1 ? String(v) : String(v).padEnd(widths[i] + 2))).join("").trimEnd();
  return [line(head), ...cells.map(line)].join("\n");
}

export function header(info) {
  return [
    `Sage 50 Push Setup — bench ${info.date}`,
    `machine: ${info.nproc} CPUs (${info.cpu}), ${info.totalMemoryGiB} GiB RAM, Node ${info.node}, ${info.platform}; load average at start ${info.loadAverageAtStart.join(" ")}`,
  ].join("\n");
}
