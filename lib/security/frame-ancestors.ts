import { frameAncestorsSources, isEmbeddablePath } from "@/lib/sage/embed-origins";

/**
 * The origins admins allow to embed the wizard, as this process last read them. `proxy.ts` never
 * touches the database: it reads this copy, which the embed service refreshes when an admin saves and
 * the background refresh re-reads every few seconds (another instance's save). Held on `globalThis`
 * so the proxy's bundle and the app's share one copy in a process. Unknown (not read yet) is
 * treated as nothing allowed.
 */
type Holder = { origins: readonly string[]; self: boolean };
const holder = globalThis as typeof globalThis & { __pushSetupFrameAncestors?: Holder };

export function setEmbedOrigins(origins: readonly string[], opts: { self: boolean }): void {
  holder.__pushSetupFrameAncestors = { origins: [...origins], self: opts.self };
}

/** The listed origins (empty until read). */
export function embedOrigins(): readonly string[] {
  return holder.__pushSetupFrameAncestors?.origins ?? [];
}

/**
 * The `frame-ancestors` sources for a page: the listed origins (and, in demo mode, the app itself, for
 * /embed-demo) on the wizard's pages; `'none'` everywhere else.
 */
export function frameAncestorsFor(pathname: string): string {
  const current = holder.__pushSetupFrameAncestors;
  if (!current || !isEmbeddablePath(pathname)) return "'none'";
  return frameAncestorsSources(current.origins, { self: current.self });
}
