import { z } from "zod";
import { route } from "@/lib/api/handler";
import { loadUploadedLogoFile } from "@/lib/embed/brand-logo-upload";
import { AppError } from "@/lib/errors";
import { UPLOADED_LOGO_FILE } from "@/lib/sage/logo-image";

/** `<sha256>.<ext>`: the uploaded logo's address (anything else is not found). */
const params = z.strictObject({ file: z.string().regex(UPLOADED_LOGO_FILE) });

/**
 * The uploaded logo (public: the wizard, the emails and the embed show it). Served with the type
 * read from its bytes when it was uploaded, `nosniff`, and a year's cache: the address is the
 * content's hash, so a new logo has a new address.
 */
export const GET = route({ permission: "public", params }, async ({ db, params: { file } }) => {
  const logo = await loadUploadedLogoFile(db, file);
  if (!logo) throw new AppError("not_found", "That logo was not found.");
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      "content-type": logo.contentType,
      "content-length": String(logo.bytes.byteLength),
      "x-content-type-options": "nosniff",
      "cache-control": "public, max-age=31536000, immutable",
      "content-disposition": "inline",
    },
  });
});
