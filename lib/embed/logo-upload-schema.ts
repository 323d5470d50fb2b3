import { z } from "zod";
import { inspectLogo, LOGO_TYPES, type LogoImage, type LogoRefusal } from "@/lib/sage/logo-image";

export type CheckedLogo = LogoImage & { bytes: Uint8Array };

/**
 * An uploaded logo's bytes, checked by their signature and header (`inspectLogo`): shared by the admin
 * form (before sending) and `POST /api/embed-settings/logo` (on what arrived). A refusal keeps its
 * reason in the issue's params, so the route can answer 413, 415 or 422.
 */
export const logoUploadSchema = z.instanceof(Uint8Array, { error: "Choose an image file." }).transform((bytes, ctx): CheckedLogo => {
  const checked = inspectLogo(bytes);
  if (checked.ok) return { contentType: checked.contentType, ext: checked.ext, width: checked.width, height: checked.height, bytes };
  ctx.addIssue({ code: "custom", message: checked.message, params: { reason: checked.reason } });
  return z.NEVER;
});

/** Why the schema refused, when it was the picture (else null: not bytes at all). */
export function logoRefusalReason(error: z.ZodError): LogoRefusal["reason"] | null {
  const issue = error.issues[0];
  const reason = issue?.code === "custom" ? (issue.params as { reason?: LogoRefusal["reason"] } | undefined)?.reason : undefined;
  return reason ?? null;
}

/** Where an uploaded logo is served: its content's hash, so the address changes with it. */
export function uploadedLogoPath(logo: { sha256: string; contentType: string }): string {
  const ext = LOGO_TYPES.find((t) => t.contentType === logo.contentType)?.ext ?? "png";
  return `/brand/logo/${logo.sha256}.${ext}`;
}
