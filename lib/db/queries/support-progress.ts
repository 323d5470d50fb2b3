import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { companies } from "../schema/companies";
import { setupProgress } from "../schema/progress";

export type SupportProgressRow = typeof setupProgress.$inferSelect;

/** Progress columns support may clear when it resets a step (see lib/support/reset-step.ts). */
export type ResettableProgressColumn =
  | "beforeStartDoneAt"
  | "pushUsername"
  | "everydayUsernames"
  | "pushUserDoneAt"
  | "credentialsChangedAt"
  | "companyConfirmedAt"
  | "confirmedCompanyName"
  | "foreignTraderConfirmedAt";

/** The company's progress row, read only (null when the company has none yet). */
export async function findProgress(db: Db, companyId: string): Promise<SupportProgressRow | null> {
  const [row] = await db.select().from(setupProgress).where(eq(setupProgress.companyId, companyId)).limit(1);
  return row ?? null;
}

/** Locks the company row for the rest of the transaction; returns whether push is on (null: no such company). */
export async function lockCompanyPushState(db: Db, companyId: string): Promise<{ pushEnabled: boolean } | null> {
  const [row] = await db
    .select({ pushEnabled: companies.pushEnabled })
    .from(companies)
    .where(eq(companies.id, companyId))
    .for("update");
  return row ?? null;
}

/** Empties the given progress columns (timestamps and names to null, the everyday logins to none). */
export async function clearProgressColumns(db: Db, companyId: string, columns: readonly ResettableProgressColumn[]) {
  const patch: Partial<SupportProgressRow> = { updatedAt: new Date() };
  for (const column of columns) {
    if (column === "everydayUsernames") patch.everydayUsernames = [];
    else patch[column] = null;
  }
  const [row] = await db.update(setupProgress).set(patch).where(eq(setupProgress.companyId, companyId)).returning();
  return row ?? null;
}
