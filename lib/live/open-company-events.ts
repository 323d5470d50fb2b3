import type { Db } from "@/lib/db/client";
import type { SessionClaims } from "@/lib/auth/auth.config";
import type { CodatClient } from "@/lib/codat/client";
import { getCodat } from "@/lib/codat/config";
import { getEnv } from "@/lib/env";
import { getLatestTestPushView } from "@/lib/test-push/get-test-push-view";
import type { LiveHub } from "./live-hub";
import { readLiveState, toLiveUpdate } from "./live-state";
import { openEventStream, type EventStreamTiming } from "./event-stream";
import { getLiveHub } from "./process-live-hub";

export type CompanyEventsDeps = EventStreamTiming & { codat: CodatClient; hub: LiveHub };

async function processDeps(): Promise<CompanyEventsDeps> {
  const env = getEnv();
  return { codat: getCodat(), hub: await getLiveHub(), heartbeatMs: env.EVENTS_HEARTBEAT_MS, maxStreamMs: env.EVENTS_MAX_STREAM_MS };
}

/**
 * `GET /api/companies/{id}/events`: the company's test push and wizard state as server-sent events.
 * The session is checked as the status route checks it (401, or 404 for a client's other company)
 * before the stream starts, and a running push is brought up to date once.
 */
export async function openCompanyEvents(
  db: Db,
  claims: SessionClaims | null,
  companyId: string,
  request: { lastEventId: string | null; signal?: AbortSignal },
  deps?: CompanyEventsDeps,
): Promise<Response> {
  const { codat, hub, ...timing } = deps ?? (await processDeps());
  await getLatestTestPushView(db, codat, claims, companyId);
  return openEventStream({
    ...timing,
    ...request,
    watch: (watcher) => hub.watch(companyId, watcher),
    readNow: async () => {
      const state = await readLiveState(db, companyId);
      return state && toLiveUpdate(state);
    },
  });
}
