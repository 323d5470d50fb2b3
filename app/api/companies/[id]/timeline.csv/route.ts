import { route } from "@/lib/api/handler";
import { csvResponse } from "@/lib/api/csv-response";
import { requireCompanyAccess } from "@/lib/auth/guards";
import { companyParamsSchema } from "@/lib/support/company-params-schema";
import { exportTimelineCsv } from "@/lib/support/export-timeline-csv";

/** One company's timeline as CSV, for support (a client gets 403: it has no `company:read`). */
export const GET = route({ permission: "company:read", params: companyParamsSchema }, async ({ db, actor, params }) =>
  csvResponse(exportTimelineCsv(db, await requireCompanyAccess(db, actor, params.id))),
);
