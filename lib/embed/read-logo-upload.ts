import { AppError } from "@/lib/errors";
import { readLimitedBytes } from "@/lib/http/read-limited-text";
import { MAX_LOGO_BYTES } from "@/lib/sage/logo-image";
import { logoRefusalReason, logoUploadSchema, type CheckedLogo } from "./logo-upload-schema";

const tooLarge = () => new AppError("payload_too_large", `The logo is larger than ${MAX_LOGO_BYTES / 1024} KB.`);

/**
 * The uploaded logo from the request body: never more than the limit read (413 past it, declared or
 * not), then checked by `logoUploadSchema`; its declared Content-Type and any file name are ignored.
 * 415 for a type other than PNG, JPEG or WebP; 422 for a size in pixels out of range.
 */
export async function readLogoUpload(req: Request): Promise<CheckedLogo> {
  if (Number(req.headers.get("content-length") ?? "0") > MAX_LOGO_BYTES) throw tooLarge();
  const bytes = new Uint8Array(await readLimitedBytes(req.body, MAX_LOGO_BYTES, tooLarge));
  const parsed = logoUploadSchema.safeParse(bytes);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? "The logo was not accepted.";
  const reason = logoRefusalReason(parsed.error);
  if (reason === "size") throw tooLarge();
  if (reason === "dimensions") throw new AppError("validation_failed", message);
  throw new AppError("unsupported_media_type", message);
}
