import type { LiveState } from "@/lib/live/live-state";

/**
 * One `EventSource` per company per tab (`GET /api/companies/{id}/events`), shared by every island
 * that watches it, closed when the last one stops. Each listener hears the states and whether the
 * stream is open; while it is not (failed, reconnecting, or no EventSource at all) callers poll as they
 * did before. A stream the server refused or that could not start is tried again after a while.
 */
export type StreamListener = { onState: (state: LiveState) => void; onLive: (live: boolean) => void };

type Connection = { source: EventSource | null; live: boolean; listeners: Set<StreamListener>; retry?: number };

const RETRY_CLOSED_MS = 30_000;
const connections = new Map<string, Connection>();

export function watchCompanyStream(companyId: string, listener: StreamListener): () => void {
  if (typeof EventSource === "undefined") return () => undefined;
  let connection = connections.get(companyId);
  if (!connection) {
    connection = { source: null, live: false, listeners: new Set() };
    connections.set(companyId, connection);
    open(companyId, connection);
  }
  const c = connection;
  c.listeners.add(listener);
  listener.onLive(c.live);
  return () => {
    c.listeners.delete(listener);
    if (c.listeners.size > 0) return;
    window.clearTimeout(c.retry);
    c.source?.close();
    connections.delete(companyId);
  };
}

function open(companyId: string, c: Connection) {
  const source = new EventSource(`/api/companies/${encodeURIComponent(companyId)}/events`);
  c.source = source;
  const setLive = (live: boolean) => {
    if (c.live === live) return;
    c.live = live;
    for (const l of c.listeners) l.onLive(live);
  };
  source.addEventListener("open", () => setLive(true));
  source.addEventListener("state", (e) => {
    const state = JSON.parse((e as MessageEvent<string>).data) as LiveState;
    for (const l of c.listeners) l.onState(state);
  });
  source.addEventListener("error", () => {
    setLive(false);
    // CONNECTING: the browser reconnects by itself (with Last-Event-ID). CLOSED: it gave up.
    if (source.readyState !== EventSource.CLOSED) return;
    c.source = null;
    c.retry = window.setTimeout(() => {
      if (connections.get(companyId) === c) open(companyId, c);
    }, RETRY_CLOSED_MS);
  });
}
