import { route } from "@/lib/api/handler";
import { readLogoUpload } from "@/lib/embed/read-logo-upload";
import { removeBrandLogo, uploadBrandLogo } from "@/lib/embed/brand-logo-upload";
import { asStaff } from "@/lib/support/staff-actor";

/**
 * Admin: upload the integrator's logo as the request body (the file's bytes; PNG, JPEG or WebP, at most
 * 256 KB, judged by its bytes), or remove it (the picked logo, by default none, shows again).
 */
export const POST = route({ permission: "settings:manage" }, async ({ db, actor, req }) => ({
  logo: await uploadBrandLogo(db, { logo: await readLogoUpload(req), actor: asStaff(actor) }),
}));

export const DELETE = route({ permission: "settings:manage" }, async ({ db, actor }) => removeBrandLogo(db, { actor: asStaff(actor) }));
