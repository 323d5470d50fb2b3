import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { simRequestCounters } from "./schema";

/**
 * Request counters per Codat operation. Increments are buffered in memory and written on the next
 * tick or read, so counting costs a request nothing; reads flush this process's buffer first.
 */
const buffers = new WeakMap<Db, Map<string, number>>();

export function countRequest(db: Db, operation: string): void {
  let buffer = buffers.get(db);
  if (!buffer) {
    buffer = new Map();
    buffers.set(db, buffer);
  }
  buffer.set(operation, (buffer.get(operation) ?? 0) + 1);
}

export async function flushRequestCounts(db: Db): Promise<void> {
  const buffer = buffers.get(db);
  if (!buffer || buffer.size === 0) return;
  const entries = [...buffer.entries()];
  buffer.clear();
  await db
    .insert(simRequestCounters)
    .values(entries.map(([operation, count]) => ({ operation, count })))
    .onConflictDoUpdate({
      target: simRequestCounters.operation,
      set: { count: sql`${simRequestCounters.count} + excluded.count` },
    });
}

export async function getRequestCounts(db: Db): Promise<Record<string, number>> {
  await flushRequestCounts(db);
  const rows = await db.select().from(simRequestCounters).orderBy(simRequestCounters.operation);
  return Object.fromEntries(rows.map((r) => [r.operation, r.count]));
}

export async function resetRequestCounts(db: Db): Promise<void> {
  buffers.get(db)?.clear();
  await db.delete(simRequestCounters);
}
