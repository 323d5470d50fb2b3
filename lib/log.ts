import pino, { type Logger } from "pino";
import { getEnv } from "./env";

type Level = "debug" | "info" | "warn" | "error";

/**
 * Values that must never reach a log line: setup tokens (in /s/ URLs), API keys, webhook secrets,
 * passwords and credentials under any key that names them, and license keys (Codat company ids, by
 * key name and inside Codat paths).
 */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/\/s\/[A-Za-z0-9_-]{20,}/g, "/s/[redacted]"],
  // Credentials first: "Authorization: Bearer x" must lose x, not just the word "Bearer".
  [/Basic [A-Za-z0-9+/=]+/g, "Basic [redacted]"],
  [/Bearer [A-Za-z0-9._~+/=-]+/g, "Bearer [redacted]"],
  [
    /(authorization|cookie|api[-_]?key|token|secret|password|passwd|pwd|passphrase|short[-_]?code|licen[cs]e[-_]?key|codat[-_]?company[-_]?id)("?\s*[:=]\s*"?)[^",\s}]+/gi,
    "$1$2[redacted]",
  ],
  [/psk_[A-Za-z0-9_-]{6,}/g, "psk_[redacted]"],
  [/whsec_[A-Za-z0-9+/=_-]{6,}/g, "whsec_[redacted]"],
  [/companies\/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g, "companies/[redacted]"],
];

/** Fields whose whole value is withheld, whatever it holds (a string, a number, an object), at any depth. */
const SECRET_KEY =
  /^(authorization|cookie|set-cookie|api[-_]?key|key[-_]?hash|\w*token\w*|\w*secret\w*|\w*password\w*|passwd|pwd|passphrase|pin|short[-_]?code|licen[cs]e[-_]?key|codat[-_]?company[-_]?id)$/i;

/** The usual places of secrets, for pino's own `redact` (its paths reach the top level and one below). */
const REDACT_KEYS = ["password", "token", "apiKey", "secret", "authorization", "cookie", "licenseKey", "codatCompanyId", "shortCode"];
const REDACT_PATHS = REDACT_KEYS.flatMap((key) => [key, `*.${key}`]);

const CENSOR = "[redacted]";
/** Keys of the line itself: a field of the same name in the data does not replace them. */
const LINE_KEYS = new Set(["level", "t", "message"]);

export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((t, [re, by]) => t.replace(re, by), text);
}

/**
 * What pino's path-based redaction cannot do: withhold any field named like a secret at any depth,
 * and turn errors into their name, message and the top of their stack.
 */
function scrub(value: unknown, ancestors: WeakSet<object>): unknown {
  // As JSON.stringify does: an object's toJSON() stands for it (a CodatError logs its code and detail).
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return scrub((value as { toJSON: () => unknown }).toJSON(), ancestors);
  }
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack?.split("\n").slice(0, 4).join("\n") };
  }
  if (value === null || typeof value !== "object") return value;
  if (ancestors.has(value)) return "[circular]";
  ancestors.add(value);
  let out: unknown;
  if (Array.isArray(value)) out = value.map((item) => scrub(item, ancestors));
  else {
    const fields: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      fields[key] = item !== null && item !== undefined && SECRET_KEY.test(key) ? CENSOR : scrub(item, ancestors);
    }
    out = fields;
  }
  ancestors.delete(value);
  return out;
}

function scrubLine(data: Record<string, unknown>): Record<string, unknown> {
  const out = scrub(data, new WeakSet()) as Record<string, unknown>;
  for (const key of LINE_KEYS) delete out[key];
  return out;
}

function minimumLevel(): Level {
  try {
    return getEnv().LOG_LEVEL;
  } catch {
    return "info"; // env not loadable: keep the default
  }
}

let logger: Logger | undefined;

/**
 * One pino logger per process: JSON lines `{ level, t, …data, message }`, info and below on stdout,
 * warnings and errors on stderr. Secrets are withheld three ways: pino's `redact` for the usual
 * paths, `scrub` for any secret-named field at any depth, and `redact()` over the finished line
 * (tokens, keys and credentials inside free text).
 */
function getLogger(): Logger {
  logger ??= pino(
    {
      level: minimumLevel(),
      base: undefined,
      messageKey: "message",
      timestamp: () => `,"t":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }), log: scrubLine },
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      hooks: { streamWrite: redact },
    },
    pino.multistream(
      [
        { level: "debug", stream: process.stdout },
        { level: "warn", stream: process.stderr },
      ],
      { dedupe: true },
    ),
  );
  return logger;
}

function write(level: Level, message: string, data: Record<string, unknown> = {}) {
  getLogger()[level](data, message);
}

/** Structured JSON lines on stdout/stderr, with secrets redacted. */
export const log = {
  debug: (m: string, d?: Record<string, unknown>) => write("debug", m, d),
  info: (m: string, d?: Record<string, unknown>) => write("info", m, d),
  warn: (m: string, d?: Record<string, unknown>) => write("warn", m, d),
  error: (m: string, d?: Record<string, unknown>) => write("error", m, d),
};
