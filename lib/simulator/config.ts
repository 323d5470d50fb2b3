import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { simConfig } from "./schema";

/** The simulator's knobs (one row). Reads are cached for a second per process; writes clear the cache. */
export type SimConfig = {
  latencyMs: number;
  errorRate5xx: number;
  errorRate429: number;
  processingDelayMs: number;
  minuteMs: number;
  /** null: `${APP_URL}/api/webhooks/codat`. */
  webhookUrl: string | null;
  webhooksEnabled: boolean;
};

export const DEFAULT_SIM_CONFIG: SimConfig = {
  latencyMs: 0,
  errorRate5xx: 0,
  errorRate429: 0,
  processingDelayMs: 3000,
  minuteMs: 60_000,
  webhookUrl: null,
  webhooksEnabled: true,
};

const share = z.number().min(0).max(1);

/** PUT /api/sim/config: some or all of the knobs. */
export const simConfigUpdateSchema = z
  .strictObject({
    latencyMs: z.number().int().min(0).max(60_000),
    errorRate5xx: share,
    errorRate429: share,
    processingDelayMs: z.number().int().min(0).max(3_600_000),
    minuteMs: z.number().int().min(1).max(3_600_000),
    webhookUrl: z.url({ protocol: /^https?$/ }).nullable(),
    webhooksEnabled: z.boolean(),
  })
  .partial();

export type SimConfigUpdate = z.infer<typeof simConfigUpdateSchema>;

const CACHE_MS = 1000;
type Cached = { config: SimConfig; at: number; version: number };
const cache = new WeakMap<Db, Cached>();
/** Bumped on every write through this process; fault-injection counters restart when it changes. */
const versions = new WeakMap<Db, number>();

export function configVersion(db: Db): number {
  return versions.get(db) ?? 0;
}

export async function getSimConfig(db: Db): Promise<SimConfig> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < CACHE_MS && hit.version === configVersion(db)) return hit.config;
  const [row] = await db.select().from(simConfig).where(eq(simConfig.id, 1));
  const config: SimConfig = row
    ? {
        latencyMs: row.latencyMs,
        errorRate5xx: row.errorRate5xx,
        errorRate429: row.errorRate429,
        processingDelayMs: row.processingDelayMs,
        minuteMs: row.minuteMs,
        webhookUrl: row.webhookUrl,
        webhooksEnabled: row.webhooksEnabled,
      }
    : { ...DEFAULT_SIM_CONFIG };
  cache.set(db, { config, at: Date.now(), version: configVersion(db) });
  return config;
}

export async function updateSimConfig(db: Db, update: SimConfigUpdate): Promise<SimConfig> {
  const current = await getSimConfig(db);
  const next: SimConfig = { ...current, ...update };
  await db
    .insert(simConfig)
    .values({ id: 1, ...next, updatedAt: new Date() })
    .onConflictDoUpdate({ target: simConfig.id, set: { ...next, updatedAt: new Date() } });
  versions.set(db, configVersion(db) + 1);
  cache.delete(db);
  return next;
}

export function webhookTarget(config: SimConfig, appUrl: string): string {
  return config.webhookUrl ?? `${appUrl}/api/webhooks/codat`;
}
