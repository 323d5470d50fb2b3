import { getDb } from "@/lib/db/client";
import { listOutbox, type OutboxPage } from "./list-outbox";
import { outboxQuerySchema, type OutboxQuery } from "./outbox-query-schema";

/** The page's address read leniently: a bad value is dropped (and said so), never an error page. */
function readOutboxParams(params: Record<string, string | string[] | undefined>): { query: OutboxQuery; corrected: boolean } {
  const flat: Record<string, string> = {};
  for (const key of ["to", "kind", "page"] as const) {
    const value = params[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (first) flat[key] = first;
  }
  const parsed = outboxQuerySchema.safeParse(flat);
  if (parsed.success) return { query: parsed.data, corrected: false };
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const kept = Object.fromEntries(Object.entries(flat).filter(([key]) => !bad.has(key)));
  return { query: outboxQuerySchema.parse(kept), corrected: true };
}

export type OutboxPageData = OutboxPage & { query: OutboxQuery; corrected: boolean };

/** What /support/outbox reads (its guard runs first): one page of the outbox. */
export async function loadOutboxPage(params: Record<string, string | string[] | undefined>): Promise<OutboxPageData> {
  const { query, corrected } = readOutboxParams(params);
  return { ...(await listOutbox(await getDb(), query)), query, corrected };
}
