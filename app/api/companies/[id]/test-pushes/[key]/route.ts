import { z } from "zod";
import { route } from "@/lib/api/handler";
import { getCodat } from "@/lib/codat/config";
import { notFound } from "@/lib/errors";
import { companyFor } from "@/lib/setup/company-access";
import { getTestPushView } from "@/lib/test-push/get-test-push-view";
import type { TestPushResponse } from "@/lib/test-push/test-push-view";

const params = z.object({ id: z.uuid(), key: z.uuid() });

/** One test push, by our id or Codat's push operation key, in the same body as POST and the latest. */
export const GET = route({ permission: "signed-in", params }, async ({ db, actor, params }): Promise<TestPushResponse> => {
  const company = await companyFor(db, actor, params.id);
  const testPush = await getTestPushView(db, getCodat(), company, params.key);
  if (!testPush) throw notFound("That test push");
  return { testPush };
});
