import { getEnv } from "./env";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

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

/** Fields whose whole value is withheld, whatever it holds (a string, a number, an object). */
const SECRET_KEY =
  /^(authorization|cookie|set-cookie|api[-_]?key|key[-_]?hash|\w*token\w*|\w*secret\w*|\w*password\w*|passwd|pwd|passphrase|pin|short[-_]?code|licen[cs]e[-_]?key|codat[-_]?company[-_]?id)$/i;

export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((t, [re, by]) => t.replace(re, by), text);
}

function serialise(data: Record<string, unknown>): string {
  return JSON.stringify(data, (k, v: unknown) => {
    if (k !== "" && v !== null && v !== undefined && SECRET_KEY.test(k)) return "[redacted]";
    return v instanceof Error ? { name: v.name, message: v.message, stack: v.stack?.split("\n").slice(0, 4).join("\n") } : v;
  });
}

function write(level: Level, message: string, data: Record<string, unknown> = {}) {
  let min: Level = "info";
  try {
    min = getEnv().LOG_LEVEL;
  } catch {
    /* env not loadable: keep the default */
  }
  if (order[level] < order[min]) return;
  const line = redact(serialise({ ...data, t: new Date().toISOString(), level, message }));
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
}

/** Structured JSON lines on stdout/stderr, with secrets redacted. */
export const log = {
  debug: (m: string, d?: Record<string, unknown>) => write("debug", m, d),
  info: (m: string, d?: Record<string, unknown>) => write("info", m, d),
  warn: (m: string, d?: Record<string, unknown>) => write("warn", m, d),
  error: (m: string, d?: Record<string, unknown>) => write("error", m, d),
};
