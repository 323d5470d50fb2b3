import { route } from "@/lib/api/handler";
import { listOutbox } from "@/lib/email/list-outbox";
import { outboxQuerySchema } from "@/lib/email/outbox-query-schema";

/** Every email the product sent or is sending, newest first (support and admin). */
export const GET = route({ permission: "outbox:read", query: outboxQuerySchema }, async ({ db, query }) => listOutbox(db, query));
