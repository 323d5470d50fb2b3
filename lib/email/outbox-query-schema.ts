import { z } from "zod";
import { EMAIL_KINDS } from "@/lib/sage/email-kinds";

const OUTBOX_PAGE_SIZE = { default: 20, max: 100 } as const;

/** `GET /api/outbox` and the `/support/outbox` page: filter by address and kind, a page at a time. */
export const outboxQuerySchema = z.strictObject({
  to: z.email("Enter an email address.").max(254).optional(),
  kind: z.enum(EMAIL_KINDS, { error: `Use one of: ${EMAIL_KINDS.join(", ")}.` }).optional(),
  limit: z.coerce
    .number()
    .int("Use a whole number.")
    .min(1, "Ask for at least 1 message.")
    .max(OUTBOX_PAGE_SIZE.max, `Ask for at most ${OUTBOX_PAGE_SIZE.max} messages.`)
    .default(OUTBOX_PAGE_SIZE.default),
  page: z.coerce.number().int("Use a whole number.").min(1, "Pages start at 1.").max(10_000).default(1),
});
export type OutboxQuery = z.output<typeof outboxQuerySchema>;

/** The outbox page's address for a query, with changes. */
export function outboxHref(query: OutboxQuery, change: Partial<OutboxQuery> = {}): string {
  const q = { ...query, ...change };
  const search = new URLSearchParams();
  if (q.to) search.set("to", q.to);
  if (q.kind) search.set("kind", q.kind);
  if (q.page > 1) search.set("page", String(q.page));
  const s = search.toString();
  return s ? `/support/outbox?${s}` : "/support/outbox";
}
