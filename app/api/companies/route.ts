import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { createSetupSchema } from "@/lib/setup/create-setup-schema";
import { createSetupForStaff } from "@/lib/setup/create-setup-for-staff";
import { supportListQuerySchema } from "@/lib/support/support-list-schema";
import { listSetups } from "@/lib/support/list-setups";

/** Support's list of setups: search, filters, sort and paging in the query string. */
export const GET = route({ permission: "company:read", query: supportListQuerySchema }, async ({ db, query }) =>
  listSetups(db, query),
);

/** Support creates a setup: the Codat company and its Sage 50 connection, our record and a setup link. */
export const POST = route({ permission: "company:create", body: createSetupSchema }, async ({ db, actor, body }) =>
  NextResponse.json(await createSetupForStaff(db, actor, body), { status: 201 }),
);
