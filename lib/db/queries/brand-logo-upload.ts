import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { brandLogoUpload } from "../schema/embed";

export type UploadedLogoMeta = Pick<typeof brandLogoUpload.$inferSelect, "sha256" | "contentType" | "width" | "height" | "uploadedAt">;
export type UploadedLogoFile = Pick<typeof brandLogoUpload.$inferSelect, "contentType" | "bytes">;

/** The uploaded logo's description (not its bytes), or null when none was uploaded. */
export async function getUploadedLogoMeta(db: Db): Promise<UploadedLogoMeta | null> {
  const [row] = await db
    .select({ sha256: brandLogoUpload.sha256, contentType: brandLogoUpload.contentType, width: brandLogoUpload.width, height: brandLogoUpload.height, uploadedAt: brandLogoUpload.uploadedAt })
    .from(brandLogoUpload)
    .where(eq(brandLogoUpload.id, 1));
  return row ?? null;
}

/** The uploaded logo's bytes when `sha256` is still the current one (an older address finds nothing). */
export async function getUploadedLogoFile(db: Db, sha256: string, contentType: string): Promise<UploadedLogoFile | null> {
  const [row] = await db
    .select({ contentType: brandLogoUpload.contentType, bytes: brandLogoUpload.bytes })
    .from(brandLogoUpload)
    .where(and(eq(brandLogoUpload.id, 1), eq(brandLogoUpload.sha256, sha256), eq(brandLogoUpload.contentType, contentType)));
  return row ?? null;
}

/** Stores the logo in place of any earlier one. */
export async function putUploadedLogo(db: Db, logo: Omit<typeof brandLogoUpload.$inferInsert, "id" | "uploadedAt">): Promise<UploadedLogoMeta> {
  const values = { ...logo, id: 1, uploadedAt: new Date() };
  const [row] = await db
    .insert(brandLogoUpload)
    .values(values)
    .onConflictDoUpdate({ target: brandLogoUpload.id, set: values })
    .returning({ sha256: brandLogoUpload.sha256, contentType: brandLogoUpload.contentType, width: brandLogoUpload.width, height: brandLogoUpload.height, uploadedAt: brandLogoUpload.uploadedAt });
  return row!;
}

/** Removes the uploaded logo; true when there was one. */
export async function deleteUploadedLogo(db: Db): Promise<boolean> {
  const gone = await db.delete(brandLogoUpload).where(eq(brandLogoUpload.id, 1)).returning({ id: brandLogoUpload.id });
  return gone.length > 0;
}
