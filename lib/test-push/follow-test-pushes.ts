import type { Db } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import { listFollowedTestPushes, listRunningTestPushes } from "@/lib/db/queries/test-pushes";
import { getCompany } from "@/lib/db/queries/companies";
import { log } from "@/lib/log";
import { refreshTestPush } from "./refresh-test-push";

/**
 * One pass over every running test push: refreshed from Codat when its interval allows (shared with
 * pollers through the database) and timed out past its deadline. Runs in every instance; the
 * conditional updates keep each outcome single. Also what resumes following pushes after a restart.
 * Pushes our deadline timed out are followed too, at their slower interval, until Codat answers
 * or a day has passed.
 */
export async function followTestPushes(db: Db, codat: CodatClient, now = new Date()) {
  const running = [...(await listRunningTestPushes(db)), ...(await listFollowedTestPushes(db, now))];
  for (const row of running) {
    const company = await getCompany(db, row.companyId);
    if (!company) continue;
    await refreshTestPush(db, codat, row, company, { now });
  }
  return running.length;
}

type Holder = { timer?: ReturnType<typeof setInterval>; busy?: boolean };
const holder = globalThis as typeof globalThis & { __pushSetupFollower?: Holder };

/** Starts following running test pushes every `intervalMs` in this process (once). */
export function startTestPushFollower(getDeps: () => Promise<{ db: Db; codat: CodatClient }>, intervalMs = 2_000) {
  const h = (holder.__pushSetupFollower ??= {});
  if (h.timer) return;
  h.timer = setInterval(async () => {
    if (h.busy) return;
    h.busy = true;
    try {
      const { db, codat } = await getDeps();
      await followTestPushes(db, codat);
    } catch (err) {
      log.warn("test push follower pass failed", { error: err });
    } finally {
      h.busy = false;
    }
  }, intervalMs);
  h.timer.unref?.();
}
