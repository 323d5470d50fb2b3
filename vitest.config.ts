import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", "e2e/**", ".next*/**", "bench-results/**", ".data*/**", "test-results/**"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    globalSetup: ["lib/db/testing/global-setup.ts"],
    // The local PostgreSQL the data tests also run on (each test file makes its own throwaway database).
    // Under CI (CI set) it must answer: the run fails rather than skip the PostgreSQL half.
    provide: {
      testPostgresUrl: process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
      requirePostgres: Boolean(process.env.CI),
    },
  },
});
