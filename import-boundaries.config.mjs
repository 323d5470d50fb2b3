import path from "node:path";
import boundaries from "eslint-plugin-boundaries";

/**
 * ARCHITECTURE.md's "What may import what", checked by eslint-plugin-boundaries on every import,
 * export-from and import() of the repository (`npm test`'s lint stage). Each file belongs to one
 * part (the first pattern that matches); an import between two parts is an error unless a policy
 * below allows it. Imports inside one part are not checked. The table in ARCHITECTURE.md is this
 * file in words: change both together (lib/architecture/import-boundaries.test.ts keeps them honest).
 */
const parts = [
  { type: "e2e", pattern: "e2e" },
  { type: "scripts", pattern: "scripts" },
  { type: "lib-testing", pattern: ["lib/testing", "lib/*/testing"] },
  // The simulator's own pages and routes: the only part of app/ that reaches lib/simulator.
  { type: "sim-app", pattern: ["app/api/sim", "app/sim"] },
  { type: "app", pattern: "app" },
  { type: "components-simulator", pattern: "components/simulator" },
  { type: "components-shell", pattern: "components/shell" },
  { type: "components", pattern: "components" },
  { type: "lib-sage", pattern: "lib/sage" },
  { type: "lib-codat", pattern: "lib/codat" },
  { type: "lib-simulator", pattern: "lib/simulator" },
  { type: "lib-db", pattern: "lib/db" },
  { type: "lib-auth", pattern: "lib/auth" },
  { type: "lib-api", pattern: "lib/api" },
  { type: "lib-http", pattern: "lib/http" },
  { type: "lib-env", pattern: ["lib/env.ts", "lib/env.test.ts"], mode: "file" },
  { type: "lib-errors", pattern: "lib/errors.ts", mode: "file" },
  { type: "lib-log", pattern: "lib/log.ts", mode: "file" },
  // Start-up and health: the one place that starts every part's background work.
  { type: "lib-server", pattern: "lib/server" },
  { type: "lib-feature", pattern: "lib/*", capture: ["feature"] },
  { type: "entry", pattern: ["proxy.ts", "instrumentation.ts"], mode: "file" },
].map((part) => (part.mode === "file" ? part : { partialMatch: false, ...part }));

/** File kinds that some policies single out. */
const files = [
  { category: "test", pattern: ["**/*.test.ts", "**/*.test.tsx"] },
  { category: "server-action", pattern: "lib/**/*-action.ts" },
  { category: "shared-schema", pattern: ["lib/**/*-schema.ts", "lib/**/*-schemas.ts"] },
  { category: "wizard-step-page", pattern: "components/wizard/step-page.tsx" },
  { category: "wizard-page-data", pattern: "lib/setup/wizard-page-data.ts" },
];

const to = (...types) => ({ to: { element: { types: { anyOf: types } } } });
const from = (...types) => ({ element: { types: { anyOf: types } } });
const typesOnly = (policy) => ({ ...policy, dependency: { kind: "type" } });
const feature = (...names) => ({ to: { element: { type: "lib-feature", captured: { feature: names } } } });

/** Request helpers and AppError, which know nothing of the product: most parts may import them, lib/sage not. */
const LIB_BASICS = ["lib-http", "lib-errors"];
const COMPONENTS = ["components", "components-shell", "components-simulator"];
const LIB_ALL = [
  "lib-sage", "lib-codat", "lib-simulator", "lib-db", "lib-auth", "lib-api", "lib-http", "lib-env",
  "lib-errors", "lib-log", "lib-feature", "lib-server",
];

const policies = [
  // app: pages, layouts and route handlers. Routes reach Codat, the database and the environment
  // through a service in lib/<feature>, never directly.
  {
    from: from("app", "sim-app"),
    allow: to("lib-sage", "lib-auth", "lib-api", "lib-http", "lib-errors", "lib-feature", "lib-server", ...COMPONENTS),
  },
  { from: from("sim-app"), allow: to("lib-simulator") },
  // components: the sage rules; types, shared schemas and server actions of the services.
  { from: from(...COMPONENTS), allow: to(...COMPONENTS, "lib-sage", "lib-http") },
  {
    from: from(...COMPONENTS),
    allow: [
      typesOnly(to("lib-feature", "lib-auth")),
      { to: { element: { types: { anyOf: ["lib-feature", "lib-auth"] } }, file: { categories: { anyOf: ["server-action", "shared-schema"] } } } },
    ],
  },
  // The one documented exception (docs/decisions/005): each wizard step's page loads its own view.
  {
    from: { file: { categories: "wizard-step-page" } },
    allow: { to: { file: { categories: "wizard-page-data" } } },
  },
  { from: from("components-simulator"), allow: typesOnly(to("lib-simulator")) },
  // lib/<feature>: application services combining the parts below.
  {
    from: from("lib-feature"),
    allow: to("lib-sage", "lib-codat", "lib-db", "lib-auth", "lib-api", "lib-env", "lib-log", "lib-feature", ...LIB_BASICS),
  },
  // lib/server: start-up (the database, background work, the simulator's ticker) and the health check.
  {
    from: from("lib-server"),
    allow: to("lib-sage", "lib-codat", "lib-simulator", "lib-db", "lib-auth", "lib-env", "lib-log", "lib-feature", ...LIB_BASICS),
  },
  // lib/simulator: Codat's look-alike. Of lib/codat: the API's generated types, webhook signing and
  // the spec validator.
  {
    from: from("lib-simulator"),
    allow: [
      to("lib-sage", "lib-db", "lib-api", "lib-env", "lib-log", ...LIB_BASICS),
      typesOnly({ to: { element: { type: "lib-codat" }, file: { path: "**/lib/codat/generated/*" } } }),
      { to: { element: { type: "lib-codat" }, file: { path: ["**/lib/codat/webhooks.ts", "**/lib/codat/openapi-validator.ts"] } } },
    ],
  },
  { from: from("lib-codat"), allow: to("lib-env", "lib-log", ...LIB_BASICS) },
  // lib/db: queries take their parameters' types from the services' shared schemas.
  { from: from("lib-db"), allow: [to("lib-sage", "lib-env", ...LIB_BASICS), typesOnly(to("lib-auth", "lib-feature"))] },
  // lib/auth: Auth.js's providers exchange setup links and count failed attempts.
  { from: from("lib-auth"), allow: [to("lib-db", "lib-env", "lib-log", "lib-sage", ...LIB_BASICS), feature("setup-links", "security")] },
  // lib/api: the route wrapper; of lib/sage, the one mapping of Codat's request errors to answers.
  { from: from("lib-api"), allow: to("lib-sage", "lib-db", "lib-auth", "lib-log", ...LIB_BASICS) },
  { from: from("lib-log"), allow: to("lib-env") },
  // lib/sage, lib/http, lib/errors and lib/env import no other part (lib/sage: see the rules below).
  // Tests and test helpers: anything in lib/, never components or app. lib/sage's own tests stay as
  // pure as the rules they test.
  {
    from: { element: { types: { noneOf: ["lib-sage"] } }, file: { categories: "test" } },
    allow: to(...LIB_ALL, "lib-testing"),
  },
  { from: from("lib-testing"), allow: to(...LIB_ALL, "lib-testing") },
  { from: from("e2e", "scripts"), allow: to(...LIB_ALL, "lib-testing") },
  // Next's entry files: the proxy (headers) and instrumentation (start-up).
  { from: from("entry"), allow: [to("lib-env", "lib-server"), feature("security")] },
];

/**
 * lib/sage is pure: plain data in, typed results out. Of other packages it imports zod alone (no
 * `node:*`, Next, React, drizzle, pg, PGlite, Auth.js or anything else with side effects).
 */
const SAGE_IMPORTS_ONLY = "^(?!zod(/|$)|\\./|@/lib/sage/)";

export const importBoundaries = [
  {
    files: ["{app,components,lib,e2e,scripts}/**/*.{ts,tsx,mjs}", "proxy.ts", "instrumentation.ts"],
    plugins: { boundaries },
    settings: {
      "boundaries/elements": parts,
      "boundaries/files": files,
      "boundaries/dependency-nodes": ["import", "dynamic-import", "export"],
      "boundaries/legacy-warnings": false,
      "boundaries/root-path": import.meta.dirname,
      // Imports resolve as TypeScript resolves them (the `@/` paths of tsconfig.json).
      "import/resolver": { typescript: { alwaysTryTypes: true, project: path.join(import.meta.dirname, "tsconfig.json") } },
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          message: "{{from.element.types.[0]}} may not import {{to.element.types.[0]}}: see What may import what in ARCHITECTURE.md (import-boundaries.config.mjs).",
          policies,
        },
      ],
      // Every source file belongs to a part of the table.
      "boundaries/no-unknown-files": "error",
    },
  },
  {
    files: ["lib/sage/**/*.ts"],
    ignores: ["lib/sage/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: SAGE_IMPORTS_ONLY, message: "lib/sage is pure: it imports zod and its own files, nothing else." }] },
      ],
      "no-restricted-globals": ["error", "fetch", "process", "require", "Buffer", "setTimeout", "setInterval"],
    },
  },
];
