import { getEnv } from "./env";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Values that must never reach a log line: setup tokens, license-key-like ids in URLs, keys. */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/\/s\/[A-Za-z0-9_-]{20,}/g, "/s/[redacted]"],
  [/(authorization|cookie|api[-_]?key|token|secret|password)("?\s*[:=]\s*"?)[^",\s}]+/gi, "$1$2[redacted]"],
  [/Basic [A-Za-z0-9+/=]+/g, "Basic [redacted]"],
  [/Bearer [A-Za-z0-9._~+/=-]+/g, "Bearer [redacted]"],
];

export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((t, [re, by]) => t.replace(re, by), text);
}

function serialise(data: Record<string, unknown>): string {
  return JSON.stringify(data, (_k, v: unknown) =>
    v instanceof Error ? { name: v.name, message: v.message, stack: v.stack?.split("\n").slice(0, 4).join("\n") } : v,
  );
}

function write(level: Level, message: string, data: Record<string, unknown> = {}) {
  let min: Level = "info";
  try {
    min = getEnv().LOG_LEVEL;
  } catch {
    /* env not loadable: keep the default */
  }
  if (order[level] < order[min]) return;
  const line = redact(serialise({ t: new Date().toISOString(), level, message, ...data }));
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
}

/** Structured JSON lines on stdout/stderr, with secrets redacted. */
export const log = {
  debug: (m: string, d?: Record<string, unknown>) => write("debug", m, d),
  info: (m: string, d?: Record<string, unknown>) => write("info", m, d),
  warn: (m: string, d?: Record<string, unknown>) => write("warn", m, d),
  error: (m: string, d?: Record<string, unknown>) => write("error", m, d),
};
