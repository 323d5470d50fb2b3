import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { settings } from "../schema/staff";

export type Settings = typeof settings.$inferSelect;

/** The integrator's settings (one row, created with defaults on first read). */
export async function getSettings(db: Db): Promise<Settings> {
  const [row] = await db.select().from(settings).where(eq(settings.id, 1)).limit(1);
  if (row) return row;
  const [created] = await db.insert(settings).values({ id: 1 }).onConflictDoNothing().returning();
  return created ?? (await getSettings(db));
}

export async function updateSettings(
  db: Db,
  patch: Partial<Pick<Settings, "integratorName" | "pushCurrencies" | "supportContact" | "testPushTimeoutMinutes" | "remindersEnabled" | "reminderDelayDays">>,
) {
  await getSettings(db);
  const [row] = await db
    .update(settings)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(settings.id, 1))
    .returning();
  return row!;
}
