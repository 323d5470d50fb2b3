import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { setupProgress } from "../schema/progress";

export type ProgressRow = typeof setupProgress.$inferSelect;

export async function getProgress(db: Db, companyId: string): Promise<ProgressRow> {
  const [row] = await db.select().from(setupProgress).where(eq(setupProgress.companyId, companyId)).limit(1);
  if (row) return row;
  const [created] = await db.insert(setupProgress).values({ companyId }).onConflictDoNothing().returning();
  return created ?? (await getProgress(db, companyId));
}

export async function updateProgress(db: Db, companyId: string, patch: Partial<Omit<ProgressRow, "companyId">>) {
  await getProgress(db, companyId);
  const [row] = await db
    .update(setupProgress)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(setupProgress.companyId, companyId))
    .returning();
  return row!;
}
