/**
 * The address a request came from, for per-IP limits: the last X-Forwarded-For entry, which is the
 * one the nearest proxy wrote (a client can prepend anything it likes, but not append after the
 * proxy). Without a proxy, Next.js fills the header from the socket unless the client sent one, so
 * direct exposure lets a client choose its own bucket: per-account limits do not depend on this.
 */
export function clientIp(headers: Pick<Headers, "get">): string {
  const forwarded = headers.get("x-forwarded-for") ?? "";
  const last = forwarded
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .at(-1);
  return (last ?? "unknown").slice(0, 100);
}
