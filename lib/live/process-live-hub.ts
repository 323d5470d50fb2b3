import { getDbHandle } from "@/lib/db/client";
import { createLiveHub, type LiveHub } from "./live-hub";
import { readLiveState } from "./live-state";

const holder = globalThis as typeof globalThis & { __pushSetupLiveHub?: Promise<LiveHub> };

/** The process's one hub, on the app's database (one listening connection per instance on PostgreSQL). */
export function getLiveHub(): Promise<LiveHub> {
  if (!holder.__pushSetupLiveHub) {
    const hub = getDbHandle().then((handle) => createLiveHub({ listen: handle.listen, read: (id) => readLiveState(handle.db, id) }));
    holder.__pushSetupLiveHub = hub;
    hub.catch(() => {
      holder.__pushSetupLiveHub = undefined;
    });
  }
  return holder.__pushSetupLiveHub;
}
