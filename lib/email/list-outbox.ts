import type { Db } from "@/lib/db/client";
import { listOutboxMessages } from "@/lib/db/queries/outbox";
import type { EmailKind } from "@/lib/sage/email-kinds";
import type { OutboxQuery } from "./outbox-query-schema";

export type OutboxMessageView = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  kind: EmailKind;
  companyId: string | null;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
};

export type OutboxPage = { messages: OutboxMessageView[]; page: number; hasMore: boolean };

/** The outbox for support, newest first, one page at a time. */
export async function listOutbox(db: Db, query: OutboxQuery): Promise<OutboxPage> {
  const rows = await listOutboxMessages(db, {
    to: query.to,
    kind: query.kind,
    limit: query.limit + 1,
    offset: (query.page - 1) * query.limit,
  });
  const messages = rows.slice(0, query.limit).map((r) => ({
    id: r.id,
    to: r.to,
    subject: r.subject,
    text: r.text,
    html: r.html,
    kind: r.kind,
    companyId: r.companyId,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    attempts: r.attempts,
    lastError: r.lastError,
  }));
  return { messages, page: query.page, hasMore: rows.length > query.limit };
}
