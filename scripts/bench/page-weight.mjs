// Measurement 1: First Load JS (gzip) per page route, computed from the build's manifests, since
// Next 16 no longer prints it. A route's first load = the root main files (build-manifest.json
// `rootMainFiles`) + every entry JS file of the route's segments (layouts, page, error/not-found
// boundaries: `entryJSFiles` of .next/server/app/<route>/page_client-reference-manifest.js), each
// file counted once, gzipped at level 9 (what Next's own figure used). Polyfills (nomodule) and CSS
// are not counted.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

const gzCache = new Map();

function gzipBytes(distDir, file) {
  const full = path.join(distDir, file);
  if (!gzCache.has(full)) gzCache.set(full, gzipSync(readFileSync(full), { level: 9 }).length);
  return gzCache.get(full);
}

function readClientManifest(distDir, route) {
  const file = path.join(distDir, "server", "app", route === "/" ? "" : route, "page_client-reference-manifest.js");
  if (!existsSync(file)) return null;
  const sandbox = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox, { filename: file, timeout: 1_000 });
  const entries = Object.values(sandbox.__RSC_MANIFEST ?? {});
  return entries[0] ?? null;
}

/** Which client components ("use client" modules of the project) are served by each chunk. */
function modulesByChunk(manifest) {
  const map = new Map();
  for (const [mod, info] of Object.entries(manifest.clientModules ?? {})) {
    if (!mod.startsWith("[project]/") || mod.includes("/node_modules/")) continue;
    for (const chunk of info.chunks ?? []) {
      const file = chunk.replace(/^\/_next\//, "");
      if (!map.has(file)) map.set(file, new Set());
      map.get(file).add(mod.replace(/^\[project\]\//, "").replace(/ <.*>$/, ""));
    }
  }
  return map;
}

/**
 * Libraries recognisable in minified chunks by strings that survive minification (property names
 * and messages). Only used to explain a heavy chunk; the figures do not depend on it.
 */
const SIGNATURES = [
  ["zod", /Unexpected value in exhaustive check|"invalid_union"|ZodError/],
  ["react-hook-form", /shouldUnregister/],
  ["@hookform/resolvers", /criteriaMode/],
  ["@tanstack/react-query", /queryKeyHashFn|refetchOnWindowFocus/],
  ["qrcode", /errorCorrectionLevel/],
  ["next-auth/react", /\/api\/auth|__NEXTAUTH/],
  ["date formatting (Intl)", /Intl\.DateTimeFormat/],
];

/** Splits a Turbopack chunk into its modules (`, <id>, fn`) and labels each by signature. */
function describeChunk(distDir, file) {
  const text = readFileSync(path.join(distDir, file), "utf8");
  const starts = [];
  const re = /,(\d{1,6}),(?:\([\w$,]*\)|[\w$]+)=>\{/g;
  let m;
  while ((m = re.exec(text)) !== null) starts.push({ id: m[1], at: m.index });
  const modules = starts.map((s, i) => {
    const body = text.slice(s.at, starts[i + 1]?.at ?? text.length);
    const libs = SIGNATURES.filter(([, sig]) => sig.test(body)).map(([name]) => name);
    return { id: s.id, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length, libs };
  });
  const byLib = {};
  for (const mod of modules) {
    const key = mod.libs[0] ?? "other";
    byLib[key] = (byLib[key] ?? 0) + mod.gzip;
  }
  return { modules: modules.length, gzipByLibrary: byLib, largest: [...modules].sort((a, b) => b.gzip - a.gzip).slice(0, 5) };
}

function pageRoutes(distDir) {
  const routes = JSON.parse(readFileSync(path.join(distDir, "app-path-routes-manifest.json"), "utf8"));
  return Object.entries(routes)
    .filter(([key]) => key.endsWith("/page"))
    .map(([, route]) => route)
    .filter((route) => !route.startsWith("/_"))
    .sort();
}

/** First Load JS of every page route, and of the root main files alone. */
export function firstLoadJs(root) {
  const distDir = path.join(root, ".next");
  const build = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8"));
  const rootMain = build.rootMainFiles ?? [];
  const sum = (files) => files.reduce((n, f) => n + gzipBytes(distDir, f), 0);
  const routes = [];
  for (const route of pageRoutes(distDir)) {
    const manifest = readClientManifest(distDir, route);
    if (!manifest) continue;
    const entry = new Set();
    for (const files of Object.values(manifest.entryJSFiles ?? {})) for (const f of files) entry.add(f);
    const files = [...new Set([...rootMain, ...entry])].filter((f) => f.endsWith(".js"));
    const owners = modulesByChunk(manifest);
    routes.push({
      route,
      gzip: sum(files),
      files: files.map((f) => ({ file: f, gzip: gzipBytes(distDir, f), clientModules: [...(owners.get(f) ?? [])].sort() })),
    });
  }
  return { rootMain: { files: rootMain, gzip: sum(rootMain) }, routes };
}

/** The chunks a route loads beyond the bare page, heaviest first, each explained. */
export function extraChunks(root, route, bare) {
  const distDir = path.join(root, ".next");
  const bareFiles = new Set(bare.files.map((f) => f.file));
  return route.files
    .filter((f) => !bareFiles.has(f.file))
    .sort((a, b) => b.gzip - a.gzip)
    .map((f) => ({ ...f, ...describeChunk(distDir, f.file) }));
}

/**
 * Cross-check against what a browser is sent: the JS chunks named in a page's HTML (script tags
 * and the inline RSC payload), gzipped. `html` is the page's HTML as served.
 */
export function htmlReferencedJs(root, html) {
  const distDir = path.join(root, ".next");
  const build = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8"));
  const polyfills = new Set(build.polyfillFiles ?? []); // nomodule: modern browsers skip them
  const files = new Set();
  for (const m of html.matchAll(/static\/chunks\/[\w.~-]+\.js/g)) {
    if (!polyfills.has(m[0]) && existsSync(path.join(distDir, m[0]))) files.add(m[0]);
  }
  const list = [...files];
  return { files: list, gzip: list.reduce((n, f) => n + gzipBytes(distDir, f), 0) };
}
