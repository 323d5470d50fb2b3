import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EnvError, loadDbEnv, loadEnv } from "./env";

const dataDir = mkdtempSync(path.join(tmpdir(), "env-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const PRODUCTION = {
  NODE_ENV: "production",
  DATA_DIR: dataDir,
  AUTH_SECRET: "a-production-secret-of-at-least-32-characters",
  CODAT_API_KEY: "live-key",
  CODAT_WEBHOOK_SECRET: "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ",
};

function refusal(source: Record<string, string | undefined>): EnvError {
  try {
    loadEnv(source);
  } catch (err) {
    if (err instanceof EnvError) return err;
    throw err;
  }
  throw new Error("the environment was accepted");
}

describe("the environment", () => {
  it("accepts a complete production configuration", () => {
    expect(loadEnv(PRODUCTION)).toMatchObject({ strict: true, codatMode: "live", dbKind: "pglite" });
  });

  it.each([
    ["AUTH_SECRET", { ...PRODUCTION, AUTH_SECRET: undefined }],
    ["CODAT_WEBHOOK_SECRET", { ...PRODUCTION, CODAT_WEBHOOK_SECRET: undefined }],
    ["AUTH_SECRET", { ...PRODUCTION, AUTH_SECRET: "too short" }],
    ["CODAT_WEBHOOK_SECRET", { ...PRODUCTION, CODAT_WEBHOOK_SECRET: "not-whsec" }],
    ["DATABASE_URL", { ...PRODUCTION, DATABASE_URL: "mysql://db/app" }],
    ["APP_URL", { ...PRODUCTION, APP_URL: "not a url" }],
    ["SMTP_URL", { ...PRODUCTION, SMTP_URL: "http://mail.example.com" }],
  ])("names %s when it is missing or wrong in production", (variable, source) => {
    expect(refusal(source).message).toContain(variable);
  });

  it("reads where email goes and who sends it, with a default sender and no SMTP by default", () => {
    const plain = loadEnv(PRODUCTION);
    expect(plain.SMTP_URL).toBeUndefined();
    expect(plain.EMAIL_FROM).toContain("@");
    const withSmtp = loadEnv({ ...PRODUCTION, SMTP_URL: "smtps://user:pw@mail.example.com:465", EMAIL_FROM: "Acme <setup@acme.example>" });
    expect(withSmtp).toMatchObject({ SMTP_URL: "smtps://user:pw@mail.example.com:465", EMAIL_FROM: "Acme <setup@acme.example>" });
  });

  it("made no secret files for the production configurations it refused", () => {
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it("gives a command only where the database is, without asking for secrets or making any", () => {
    expect(loadDbEnv({ NODE_ENV: "production", DATA_DIR: dataDir })).toEqual({ DATA_DIR: dataDir, DATABASE_URL: undefined });
    expect(loadDbEnv({ DATABASE_URL: "postgres://db/app" }).DATABASE_URL).toBe("postgres://db/app");
    expect(() => loadDbEnv({ DATABASE_URL: "mysql://db/app" })).toThrow(/DATABASE_URL/);
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
