import { z } from "zod";
import { route } from "@/lib/api/handler";
import { readCompanyTestPush } from "@/lib/test-push/read-company-test-push";

const params = z.object({ id: z.uuid(), key: z.uuid() });

/** One test push, by our id or Codat's push operation key, in the same body as POST and the latest. */
export const GET = route({ permission: "signed-in", params }, async ({ db, actor, params }) =>
  readCompanyTestPush(db, actor, params.id, params.key),
);
