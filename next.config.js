// @ts-check

/** @type {import("next").NextConfig} */
const config = {
  // Another build folder lets two builds run side by side: `npm test` builds into .next-test and the
  // benchmark into bench-results/next, so neither replaces the .next a running `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // PGlite must be loaded by Node, not bundled, or the shared instance breaks (see STACK notes);
  // nodemailer (the mail sender, started at start-up) is plain Node code, loaded as it is too.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "nodemailer"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project with tsc first; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  experimental: { authInterrupts: true },
  // Vue's compile-time flags, for the API reference's viewer (a Vue application): left undefined,
  // Vue warns in the browser and keeps its devtools hooks in the bundle.
  compiler: {
    define: { __VUE_OPTIONS_API__: true, __VUE_PROD_DEVTOOLS__: false, __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false },
  },
  // Static images live in public/img; browsers still ask for /favicon.ico on their own.
  // /embed.js is loaded by integrators' pages: kept a day by browsers and CDNs (its API is versioned:
  // a breaking change gets another file name), and loadable from any origin.
  async headers() {
    return [
      {
        source: "/embed.js",
        headers: [
          { key: "Cache-Control", value: "public, max-age=86400, stale-while-revalidate=604800" },
          { key: "Cross-Origin-Resource-Policy", value: "cross-origin" },
        ],
      },
    ];
  },
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/img/favicon.ico" }];
  },
};

export default config;
