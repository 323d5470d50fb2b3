import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { embedSettings } from "../schema/embed";

export type EmbedSettingsRow = typeof embedSettings.$inferSelect;

/** Where the wizard may be embedded and the integrator's branding (one row, created with defaults on first read). */
export async function getEmbedSettings(db: Db): Promise<EmbedSettingsRow> {
  const [row] = await db.select().from(embedSettings).where(eq(embedSettings.id, 1)).limit(1);
  if (row) return row;
  const [created] = await db.insert(embedSettings).values({ id: 1 }).onConflictDoNothing().returning();
  return created ?? (await getEmbedSettings(db));
}

export async function updateEmbedSettings(db: Db, patch: Pick<EmbedSettingsRow, "allowedOrigins" | "logo" | "primaryColour">): Promise<EmbedSettingsRow> {
  await getEmbedSettings(db);
  const [row] = await db
    .update(embedSettings)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(embedSettings.id, 1))
    .returning();
  return row!;
}
