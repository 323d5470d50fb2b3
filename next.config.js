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
  // Static images live in public/img; browsers still ask for /favicon.ico on their own.
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/img/favicon.ico" }];
  },
};

export default config;
