import type { Db } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import { log } from "@/lib/log";
import { processPendingPushes, type ProcessResult } from "./push/process-pushes";
import { getSimEnv, type SimEnv } from "./sim-env";
import { flushRequestCounts } from "./stats";
import { flushWebhookDeliveries } from "./webhooks/webhook-delivery";

export type TickResult = ProcessResult & { webhooksDelivered: number };

/**
 * One beat of the simulated world: pending pushes move on, due webhooks are sent (retries included)
 * and request counters are written. Safe to run from several instances at once.
 */
export async function runSimulatorTick(db: Db, now: Date = new Date(), env: SimEnv = getSimEnv()): Promise<TickResult> {
  const pushes = await processPendingPushes({ db, env, now, webhooks: "manual" });
  const webhooksDelivered = await flushWebhookDeliveries(db, env, now);
  await flushRequestCounts(db);
  return { ...pushes, webhooksDelivered };
}

const SIMULATOR_TICK_MS = 500;

type TickerHolder = { __simulatorTicker?: { timer: NodeJS.Timeout } };

/**
 * Runs the tick every ~500 ms in this process (once, however often it is called; no-op in live mode).
 * The timer is unref'd, so it never keeps the process alive. Returns whether a ticker is running.
 */
export function startSimulatorTicker(intervalMs: number = SIMULATOR_TICK_MS): boolean {
  const holder = globalThis as typeof globalThis & TickerHolder;
  if (holder.__simulatorTicker) return true;
  const env = getSimEnv();
  if (env.live) return false;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    getDb()
      .then((db) => runSimulatorTick(db, new Date(), env))
      .catch((error: unknown) => log.warn("simulator tick failed", { error }))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  holder.__simulatorTicker = { timer };
  return true;
}

