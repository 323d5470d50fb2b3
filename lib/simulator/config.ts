import { and, eq, gt, sql } from "drizzle-orm";
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
  /** The next `count` requests to the Codat API fail with `status` (in Codat's error shape); null: none. */
  failNext: FailNext | null;
  /** How the simulated connector plays each assumed behaviour (lib/sage/assumed-connector-behaviour.ts). */
  variants: SimVariants;
};

/**
 * `concurrentLogin`: a push while the connector's login is open in Sage 50 ends Failed, or stays Pending
 * until it times out. `connectorMessages`: the connector's failure messages are the assumed wordings
 * the classifier knows, or wordings no pattern knows.
 */
export const SIM_VARIANTS = {
  concurrentLogin: ["failed", "pending"],
  connectorMessages: ["documented", "unfamiliar"],
} as const;
export type SimVariants = {
  concurrentLogin: (typeof SIM_VARIANTS.concurrentLogin)[number];
  connectorMessages: (typeof SIM_VARIANTS.connectorMessages)[number];
};
export const DEFAULT_SIM_VARIANTS: SimVariants = { concurrentLogin: "failed", connectorMessages: "documented" };

/** The request errors the simulator can force, one per meaning the app tells apart. */
export const FORCEABLE_STATUSES = [400, 401, 403, 404, 409, 429, 500, 503] as const;
export type ForceableStatus = (typeof FORCEABLE_STATUSES)[number];
type FailNext = { status: ForceableStatus; count: number };

export const DEFAULT_SIM_CONFIG: SimConfig = {
  latencyMs: 0,
  errorRate5xx: 0,
  errorRate429: 0,
  processingDelayMs: 3000,
  minuteMs: 60_000,
  webhookUrl: null,
  webhooksEnabled: true,
  failNext: null,
  variants: DEFAULT_SIM_VARIANTS,
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
    /** null clears it. */
    failNext: z
      .strictObject({
        status: z.union(FORCEABLE_STATUSES.map((s) => z.literal(s))),
        count: z.number().int().min(1).max(1000),
      })
      .nullable(),
    /** Either or both; the other keeps its value. */
    variants: z
      .strictObject({
        concurrentLogin: z.enum(SIM_VARIANTS.concurrentLogin),
        connectorMessages: z.enum(SIM_VARIANTS.connectorMessages),
      })
      .partial(),
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
        failNext: row.failNextCount > 0 && isForceable(row.failNextStatus) ? { status: row.failNextStatus, count: row.failNextCount } : null,
        variants: { concurrentLogin: row.variantConcurrentLogin, connectorMessages: row.variantConnectorMessages },
      }
    : { ...DEFAULT_SIM_CONFIG };
  cache.set(db, { config, at: Date.now(), version: configVersion(db) });
  return config;
}

export async function updateSimConfig(db: Db, update: SimConfigUpdate): Promise<SimConfig> {
  const current = await getSimConfig(db);
  const next: SimConfig = { ...current, ...update, variants: { ...current.variants, ...update.variants } };
  const { failNext, variants, ...knobs } = next;
  const columns = {
    ...knobs,
    failNextStatus: failNext?.status ?? null,
    failNextCount: failNext?.count ?? 0,
    variantConcurrentLogin: variants.concurrentLogin,
    variantConnectorMessages: variants.connectorMessages,
    updatedAt: new Date(),
  };
  await db.insert(simConfig).values({ id: 1, ...columns }).onConflictDoUpdate({ target: simConfig.id, set: columns });
  versions.set(db, configVersion(db) + 1);
  cache.delete(db);
  return next;
}

export function webhookTarget(config: SimConfig, appUrl: string): string {
  return config.webhookUrl ?? `${appUrl}/api/webhooks/codat`;
}

function isForceable(status: number | null): status is ForceableStatus {
  return (FORCEABLE_STATUSES as readonly (number | null)[]).includes(status);
}

/**
 * Takes one forced failure, if any is left: a conditional decrement in the database, so two
 * requests never take the same one. Asked only while the (cached) knobs say some are left.
 */
export async function takeForcedFailure(db: Db, config: SimConfig): Promise<ForceableStatus | null> {
  if (!config.failNext) return null;
  const [row] = await db
    .update(simConfig)
    .set({ failNextCount: sql`${simConfig.failNextCount} - 1` })
    .where(and(eq(simConfig.id, 1), gt(simConfig.failNextCount, 0)))
    .returning({ status: simConfig.failNextStatus });
  // The cached knobs would still show the old count: read them afresh next time.
  cache.delete(db);
  return row && isForceable(row.status) ? row.status : null;
}
