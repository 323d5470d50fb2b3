/** The SQLSTATE of a database error, or of any error it wraps (drizzle wraps the driver's). */
function sqlState(err: unknown): string | null {
  const seen = new Set<unknown>();
  let e: unknown = err;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/** PostgreSQL's unique violation (23505). */
export function isUniqueViolation(err: unknown): boolean {
  return sqlState(err) === "23505";
}

/**
 * Text PostgreSQL cannot store: a NUL character in text (22021) or a `\u0000` escape in jsonb
 * (22P05). Always bad input, never a fault of ours.
 */
export function isUnstorableText(err: unknown): boolean {
  const code = sqlState(err);
  return code === "22021" || code === "22P05";
}
