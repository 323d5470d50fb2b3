import { route } from "@/lib/api/handler";
import { csvResponse } from "@/lib/api/csv-response";
import { supportListQuerySchema } from "@/lib/support/support-list-schema";
import { exportSetupsCsv } from "@/lib/support/export-setups-csv";

/** The support list as CSV, with the same filters, search and order as `GET /api/companies` (every page). */
export const GET = route({ permission: "company:read", query: supportListQuerySchema }, async ({ db, query }) =>
  csvResponse(exportSetupsCsv(db, query)),
);
