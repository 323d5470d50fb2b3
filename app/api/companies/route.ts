import { route } from "@/lib/api/handler";
import { supportListQuerySchema } from "@/lib/support/support-list-schema";
import { listSetups } from "@/lib/support/list-setups";

/** Support's list of setups: search, filters, sort and paging in the query string. */
export const GET = route({ permission: "company:read", query: supportListQuerySchema }, async ({ db, query }) =>
  listSetups(db, query),
);
