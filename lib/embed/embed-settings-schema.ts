import { z } from "zod";
import { checkEmbedOrigin, MAX_EMBED_ORIGINS, type EmbedOriginRules } from "@/lib/sage/embed-origins";
import { checkPrimaryColour } from "@/lib/sage/brand-colour";
import { BRAND_LOGO_KEYS } from "@/lib/sage/brand-logos";

/**
 * Where the wizard may be embedded and the integrator's branding: shared by the admin form and
 * PUT /api/embed-settings. Whether local http:// origins are allowed depends on the mode (the form is
 * told by its page, the route by the environment).
 */
export function embedSettingsSchema(rules: EmbedOriginRules) {
  return z.strictObject({
    allowedOrigins: z
      .array(
        z.string().transform((text, ctx) => {
          const checked = checkEmbedOrigin(text, rules);
          if (checked.ok) return checked.origin;
          ctx.addIssue({ code: "custom", message: `${text.trim() || "(empty)"}: ${checked.message}` });
          return z.NEVER;
        }),
      )
      .max(MAX_EMBED_ORIGINS, `List at most ${MAX_EMBED_ORIGINS} origins.`)
      .transform((origins) => [...new Set(origins)]),
    logo: z.enum(BRAND_LOGO_KEYS, { error: "Choose one of the logos." }),
    primaryColour: z.string().transform((text, ctx) => {
      const checked = checkPrimaryColour(text);
      if (checked.ok) return checked.colour;
      ctx.addIssue({ code: "custom", message: checked.message });
      return z.NEVER;
    }),
  });
}
export type EmbedSettingsValues = z.output<ReturnType<typeof embedSettingsSchema>>;

/** The form's origins field (one per line, or separated by commas or spaces) as the list the schema checks. */
export function parseOriginList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);
}
