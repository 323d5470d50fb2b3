import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The only reader of process.env. Validated once, on first use (not at import, so that
 * `next build` never needs run-time secrets).
 */
const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DEMO: flag,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  CODAT_API_KEY: z.string().min(1).optional(),
  CODAT_BASE_URL: z.url().default("https://api.codat.io"),
  CODAT_WEBHOOK_SECRET: z.string().regex(/^whsec_/, "must start with whsec_").optional(),
  SIMULATOR_API_KEY: z.string().min(1).default("simulator"),
  /** Where email goes (smtp:// or smtps://, with user and password if the server asks); unset: kept in the outbox only. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  EMAIL_FROM: z.string().min(3).default("Sage 50 push setup <no-reply@localhost>"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Live updates (`GET /api/companies/{id}/events`): heartbeat comment interval, and how long one stream lasts. */
  EVENTS_HEARTBEAT_MS: z.coerce.number().int().min(100).max(300_000).default(25_000),
  EVENTS_MAX_STREAM_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(600_000),
  /** How often the push-health pass runs (pending writes re-checked, alerts emailed, the support digest): once a minute. */
  PUSH_HEALTH_INTERVAL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
});

export type Env = Omit<z.infer<typeof schema>, "AUTH_SECRET" | "CODAT_WEBHOOK_SECRET" | "APP_URL"> & {
  AUTH_SECRET: string;
  CODAT_WEBHOOK_SECRET: string;
  APP_URL: string;
  /** Production rules apply: secrets must be given, cookies are Secure, HSTS is sent. */
  strict: boolean;
  codatMode: "live" | "simulator";
  dbKind: "pglite" | "postgres";
};

export class EnvError extends Error {
  override name = "EnvError";
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= loadEnv(process.env);
  return cached;
}

/** Reads a secret kept in the data directory, creating it on first use (demo and development only). */
function keptSecret(dataDir: string, file: string, make: () => string): string {
  const full = path.join(dataDir, file);
  if (existsSync(full)) return readFileSync(full, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const value = make();
  writeFileSync(full, value, { mode: 0o600 });
  return value;
}

/** Parses with the schema, or throws an EnvError naming the first bad variable. */
function parseOrThrow<T>(parser: z.ZodType<T>, source: Record<string, string | undefined>): T {
  const parsed = parser.safeParse(source);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? "environment");
  throw new EnvError(`Invalid environment variable ${name}: ${issue?.message ?? "invalid"}`);
}

export function loadEnv(source: Record<string, string | undefined>): Env {
  const e = parseOrThrow(schema, source);
  const strict = e.NODE_ENV === "production" && !e.DEMO;
  const dataDir = path.resolve(e.DATA_DIR);
  const missing = (name: string) =>
    new EnvError(`Missing environment variable ${name}: it is required in production (set DEMO=1 for a demo).`);

  let authSecret = e.AUTH_SECRET;
  if (!authSecret) {
    if (strict) throw missing("AUTH_SECRET");
    authSecret = keptSecret(dataDir, "auth-secret", () => randomBytes(32).toString("base64url"));
  }
  const codatMode = e.CODAT_API_KEY ? "live" : "simulator";
  let webhookSecret = e.CODAT_WEBHOOK_SECRET;
  if (!webhookSecret) {
    if (strict && codatMode === "live") throw missing("CODAT_WEBHOOK_SECRET");
    webhookSecret = keptSecret(dataDir, "webhook-secret", () => `whsec_${randomBytes(24).toString("base64")}`);
  }
  return {
    ...e,
    DATA_DIR: dataDir,
    AUTH_SECRET: authSecret,
    CODAT_WEBHOOK_SECRET: webhookSecret,
    APP_URL: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    strict,
    codatMode,
    dbKind: e.DATABASE_URL ? "postgres" : "pglite",
  };
}

/** Where the database is, and nothing more. */
export type DbEnv = Pick<Env, "DATABASE_URL" | "DATA_DIR">;

/**
 * Only the database's variables: for a command that opens the app's database (`npm run
 * staff:create`) and needs none of its secrets, so it neither asks for them nor makes any.
 */
export function getDbEnv(): DbEnv {
  return loadDbEnv(process.env);
}

export function loadDbEnv(source: Record<string, string | undefined>): DbEnv {
  const e = parseOrThrow(schema.pick({ DATA_DIR: true, DATABASE_URL: true }), source);
  return { DATABASE_URL: e.DATABASE_URL, DATA_DIR: path.resolve(e.DATA_DIR) };
}

/**
 * What a child process started by a test or a command needs from this one, and nothing of the app's
 * configuration: where programs are (PATH) and the home folder.
 */
export function childProcessBasics(): { PATH: string; HOME: string } {
  return { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };
}

/** True under CI (`CI` set), where a test must fail rather than skip what the machine is meant to have. */
export function runningUnderCi(): boolean {
  return Boolean(process.env.CI);
}
