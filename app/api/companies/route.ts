import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { getCodat } from "@/lib/codat/config";
import { createSetupSchema } from "@/lib/setup/create-setup-schema";
import { createSetup } from "@/lib/setup/create-setup";
import { supportListQuerySchema } from "@/lib/support/support-list-schema";
import { listSetups } from "@/lib/support/list-setups";

/** Support's list of setups: search, filters, sort and paging in the query string. */
export const GET = route({ permission: "company:read", query: supportListQuerySchema }, async ({ db, query }) =>
  listSetups(db, query),
);

/** Support creates a setup: the Codat company and its Sage 50 connection, our record and a setup link. */
export const POST = route({ permission: "company:create", body: createSetupSchema }, async ({ db, actor, body }) => {
  if (actor.type !== "staff") throw new AppError("forbidden", "Only staff create setups.");
  const { company, setupLink } = await createSetup(db, getCodat(), { ...body, actor, appUrl: getEnv().APP_URL });
  return NextResponse.json(
    {
      company: { id: company.id, name: company.name, codatCompanyId: company.codatCompanyId, connectionStatus: company.connectionStatus },
      setupLink: { url: setupLink.url, shortCode: setupLink.shortCode, expiresAt: setupLink.expiresAt.toISOString() },
    },
    { status: 201 },
  );
});
