import { route } from "@/lib/api/handler";
import { companyParams } from "@/lib/setup/company-access";
import { openCompanyEvents } from "@/lib/live/open-company-events";

export const dynamic = "force-dynamic";

/**
 * Live updates of one company (server-sent events): its latest test push and wizard state whenever they
 * change. Same access as `GET …/test-pushes`; a refusal is the JSON error, before any stream starts.
 */
export const GET = route({ permission: "session", params: companyParams }, async ({ db, claims, params, req }) =>
  openCompanyEvents(db, claims, params.id, { lastEventId: req.headers.get("last-event-id"), signal: req.signal }),
);
