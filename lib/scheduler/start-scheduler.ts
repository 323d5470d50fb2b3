import type { Db } from "@/lib/db/client";
import { createScheduler, type ScheduledJob } from "./scheduler";

type Holder = { started?: boolean };
const holder = globalThis as typeof globalThis & { __pushSetupScheduler?: Holder };

/** Starts the process's one scheduler with `jobs` (a second call, as after a reload in development, does nothing). */
export function startScheduler(getDb: () => Promise<Db>, jobs: ScheduledJob[]): void {
  const h = (holder.__pushSetupScheduler ??= {});
  if (h.started) return;
  h.started = true;
  createScheduler({ getDb, jobs }).start();
}
