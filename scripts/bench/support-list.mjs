// Measurement 5 over HTTP: the support list API per view and the /support page, one request at a
// time, on a server whose database was seeded with 10,000 companies before it started.
import { call } from "./http.mjs";
import { percentile } from "./util.mjs";

/** The same views as scripts/bench/seed-support-list.ts, as query strings. */
const HTTP_VIEWS = [
  { key: "list", path: "/api/companies?page=1" },
  { key: "stuck", path: "/api/companies?filter=stuck" },
  { key: "failing", path: "/api/companies?filter=failing" },
  { key: "waiting", path: "/api/companies?filter=waiting" },
  { key: "enabled", path: "/api/companies?filter=enabled" },
  { key: "search", path: "/api/companies?q=harbour%20dent" },
];

async function timeRequests(base, path, { jar, samples, warmUp = 3 }) {
  for (let i = 0; i < warmUp; i++) await call(base, path, { jar, expect: [200] });
  const out = [];
  let last;
  for (let i = 0; i < samples; i++) {
    last = await call(base, path, { jar, expect: [200] });
    out.push(last.ms);
  }
  return { samples: out, p50: percentile(out, 50), p95: percentile(out, 95), count: out.length, body: last?.body };
}

export async function measureSupportList({ base, supportJar, samples = 30, pageSamples = 20 }) {
  const health = await timeRequests(base, "/api/health", { samples });
  const views = [];
  for (const view of HTTP_VIEWS) {
    const t = await timeRequests(base, view.path, { jar: supportJar, samples });
    views.push({ key: view.key, path: view.path, ...t, matches: t.body?.total ?? null, body: undefined });
  }
  const barePage = await timeRequests(base, "/link-problem", { samples: pageSamples });
  const page = await timeRequests(base, "/support", { jar: supportJar, samples: pageSamples });
  return {
    health: { ...health, body: undefined },
    views,
    barePage: { ...barePage, body: undefined },
    page: { ...page, body: undefined },
  };
}
