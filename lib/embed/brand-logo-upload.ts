import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { actorRef, type StaffActor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/db/queries/events";
import { deleteUploadedLogo, getUploadedLogoFile, getUploadedLogoMeta, putUploadedLogo, type UploadedLogoMeta } from "@/lib/db/queries/brand-logo-upload";
import { LOGO_TYPES } from "@/lib/sage/logo-image";
import type { CheckedLogo } from "./logo-upload-schema";
import { uploadedLogoPath } from "./logo-upload-schema";

/** The uploaded logo as the admin page and the API show it. */
export type UploadedLogoView = { path: string; contentType: string; width: number; height: number; uploadedAt: string };

function toView(meta: UploadedLogoMeta): UploadedLogoView {
  return { path: uploadedLogoPath(meta), contentType: meta.contentType, width: meta.width, height: meta.height, uploadedAt: meta.uploadedAt.toISOString() };
}

export async function loadUploadedLogo(db: Db): Promise<UploadedLogoView | null> {
  const meta = await getUploadedLogoMeta(db);
  return meta ? toView(meta) : null;
}

/**
 * An admin uploads a logo (already checked by `logoUploadSchema`): it replaces any earlier upload and,
 * while it exists, the logo picked from `public/img/brand`, in the wizard, the emails and the embed.
 * Logged with the admin's name in the same transaction.
 */
export async function uploadBrandLogo(db: Db, opts: { logo: CheckedLogo; actor: StaffActor }): Promise<UploadedLogoView> {
  const { logo } = opts;
  const sha256 = createHash("sha256").update(logo.bytes).digest("hex");
  const meta = await db.transaction(async (tx) => {
    const saved = await putUploadedLogo(tx, { sha256, contentType: logo.contentType, width: logo.width, height: logo.height, bytes: logo.bytes });
    await recordEvent(tx, {
      companyId: null,
      actor: actorRef(opts.actor),
      type: "brand_logo.uploaded",
      data: { sha256, contentType: logo.contentType, width: logo.width, height: logo.height, bytes: logo.bytes.byteLength },
    });
    return saved;
  });
  return toView(meta);
}

/** Removes the uploaded logo: the picked one (by default none) shows again. */
export async function removeBrandLogo(db: Db, opts: { actor: StaffActor }): Promise<{ removed: boolean }> {
  return db.transaction(async (tx) => {
    const removed = await deleteUploadedLogo(tx);
    if (removed) await recordEvent(tx, { companyId: null, actor: actorRef(opts.actor), type: "brand_logo.removed", data: {} });
    return { removed };
  });
}

/** The uploaded logo's bytes for `/brand/logo/<sha256>.<ext>`, when that is the current logo. */
export async function loadUploadedLogoFile(db: Db, file: string) {
  const [sha256 = "", ext] = file.split(".");
  const type = LOGO_TYPES.find((t) => t.ext === ext);
  return type ? getUploadedLogoFile(db, sha256, type.contentType) : null;
}
