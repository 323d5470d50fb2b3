/** Only same-site paths may be returned to after sign-in (no open redirects). */
export function safeReturnPath(value: unknown, fallback: string): string {
  return typeof value === "string" && /^\/(?!\/)[\w\-./?=&%]*$/.test(value) ? value : fallback;
}
