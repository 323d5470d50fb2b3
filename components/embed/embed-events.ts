"use client";
import type { EmbedEvent } from "@/lib/sage/embed-events";

/**
 * The wizard's islands emit events here; the bridge in the wizard's layout posts them to the parent
 * page. Events emitted before the bridge is connected (children's effects run first) wait, a few at most.
 */
type Sink = (event: EmbedEvent) => void;
let sink: Sink | null = null;
const waiting: EmbedEvent[] = [];
const MAX_WAITING = 20;

export function emitEmbedEvent(event: EmbedEvent): void {
  if (sink) sink(event);
  else if (waiting.length < MAX_WAITING) waiting.push(event);
}

export function connectEmbedSink(next: Sink): () => void {
  sink = next;
  for (const event of waiting.splice(0)) next(event);
  return () => {
    if (sink === next) sink = null;
  };
}

/** Steps seen done in this tab, per company: a step counts as completed when it turns done while watched. */
const doneSteps = new Map<string, Set<string>>();

/** The steps newly done since the last call for this company (none on the first call: that is the baseline). */
export function newlyDoneSteps(companyId: string, done: readonly string[]): string[] {
  const known = doneSteps.get(companyId);
  doneSteps.set(companyId, new Set(done));
  if (!known) return [];
  return done.filter((step) => !known.has(step));
}

let readySent = false;
/** True once per tab: the first wizard page sends `ready`. */
export function firstReady(): boolean {
  if (readySent) return false;
  readySent = true;
  return true;
}
