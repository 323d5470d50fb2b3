import type { Watcher } from "./live-hub";
import type { LiveUpdate } from "./live-state";

export type EventStreamTiming = {
  /** A comment line this often keeps proxies and the browser from closing a quiet stream. */
  heartbeatMs: number;
  /** The stream ends after this long; the browser reconnects (with Last-Event-ID) and the session is checked again. */
  maxStreamMs: number;
};

/** How long the browser waits before reconnecting a stream that ended. */
const RECONNECT_MS = 2_000;

const HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

/**
 * A `text/event-stream` of one company's state: each change is an `event: state` with its `id:`; the
 * state as it is now is sent first unless it is the one the browser last saw (`Last-Event-ID`); a
 * `: ping` comment every `heartbeatMs`. Holds no database connection: `watch` registers with the hub.
 */
export async function openEventStream(opts: EventStreamTiming & {
  watch: (watcher: Watcher) => Promise<() => void>;
  readNow: () => Promise<LiveUpdate | null>;
  lastEventId: string | null;
  signal?: AbortSignal;
}): Promise<Response> {
  const encoder = new TextEncoder();
  let lastId = opts.lastEventId;
  let ended = false;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c;
    },
    cancel: () => end(),
  });
  const send = (chunk: string | Uint8Array) => {
    if (ended) return;
    try {
      controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
    } catch {
      end();
    }
  };
  const deliver: Watcher = (update) => {
    if (update.id === lastId) return;
    lastId = update.id;
    send(update.message);
  };
  let unwatch = () => undefined as void;
  const timers: { heartbeat?: NodeJS.Timeout; lifetime?: NodeJS.Timeout } = {};
  function end() {
    if (ended) return;
    ended = true;
    clearInterval(timers.heartbeat);
    clearTimeout(timers.lifetime);
    unwatch();
    try {
      controller.close();
    } catch {
      // already closed by the reader
    }
  }

  send(`retry: ${RECONNECT_MS}\n\n`);
  // Watch first, then read: a change between the two is not lost (at worst sent twice, and then skipped by id).
  unwatch = await opts.watch(deliver);
  try {
    const now = await opts.readNow();
    if (now) deliver(now);
  } catch (err) {
    end();
    throw err;
  }
  timers.heartbeat = setInterval(() => send(": ping\n\n"), opts.heartbeatMs);
  timers.lifetime = setTimeout(end, opts.maxStreamMs);
  opts.signal?.addEventListener("abort", end, { once: true });
  if (opts.signal?.aborted) end();
  return new Response(stream, { headers: HEADERS });
}
