import { route } from "@/lib/api/handler";
import { companyParams } from "@/lib/setup/company-access";
import { handOffSetup } from "@/lib/setup-links/hand-off-setup";

/** The client hands the setup over to the Sage 50 PC: link, short code and QR code. */
export const POST = route({ permission: "setup:own", params: companyParams }, async ({ db, actor, params }) =>
  handOffSetup(db, actor, params.id),
);
