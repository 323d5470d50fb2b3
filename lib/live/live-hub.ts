import type { Listen } from "@/lib/db/client";
import { log } from "@/lib/log";
import { toLiveUpdate, type LiveState, type LiveUpdate } from "./live-state";

/** The channel the database triggers notify on (drizzle/0013_company_change_notify.sql). */
const COMPANY_CHANGES_CHANNEL = "company_changes";

export type Watcher = (update: LiveUpdate) => void;
export type LiveHub = ReturnType<typeof createLiveHub>;

/**
 * One per process: listens once on the database and fans each company's changes out to the streams
 * watching it. A notification for a watched company re-reads its state once, however many streams
 * watch it; notifications arriving during that read cause one more read, not one each.
 */
export function createLiveHub(deps: { listen: Listen; read: (companyId: string) => Promise<LiveState | null> }) {
  const watchers = new Map<string, Set<Watcher>>();
  const reading = new Map<string, { again: boolean }>();
  let listening: Promise<() => Promise<void>> | null = null;

  function start() {
    listening ??= deps.listen(COMPANY_CHANGES_CHANNEL, (companyId) => void changed(companyId), () => {
      for (const companyId of watchers.keys()) void changed(companyId);
    });
    listening.catch(() => {
      listening = null;
    });
    return listening;
  }

  async function changed(companyId: string) {
    if (!watchers.has(companyId)) return;
    const inFlight = reading.get(companyId);
    if (inFlight) {
      inFlight.again = true;
      return;
    }
    const entry = { again: true };
    reading.set(companyId, entry);
    try {
      while (entry.again) {
        entry.again = false;
        const state = await deps.read(companyId);
        if (!state) break;
        const update = toLiveUpdate(state);
        for (const watcher of watchers.get(companyId) ?? []) watcher(update);
      }
    } catch (err) {
      log.warn("live update read failed", { companyId, err: String(err) });
    } finally {
      reading.delete(companyId);
    }
  }

  return {
    /** Starts listening if not yet, and calls `watcher` on each change of the company; resolves to the way to stop. */
    async watch(companyId: string, watcher: Watcher): Promise<() => void> {
      await start();
      const set = watchers.get(companyId) ?? new Set<Watcher>();
      watchers.set(companyId, set);
      set.add(watcher);
      return () => {
        set.delete(watcher);
        if (set.size === 0 && watchers.get(companyId) === set) watchers.delete(companyId);
      };
    },
    /** How many streams watch, for the benchmark and tests. */
    watching: () => [...watchers.values()].reduce((n, set) => n + set.size, 0),
    async close() {
      watchers.clear();
      const stop = await listening?.catch(() => null);
      listening = null;
      await stop?.();
    },
  };
}
