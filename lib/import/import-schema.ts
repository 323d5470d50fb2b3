import { z } from "zod";
import { createSetupSchema } from "@/lib/setup/create-setup-schema";

/**
 * Importing pull-only Codat companies: one schema per rule, shared by the /support/import page's
 * forms and the /api/imports routes.
 */

/** How many companies one POST /api/imports may carry (the page sends smaller batches). */
export const MAX_IMPORT_IDS = 100;
/** How many the page sends per request, so that progress shows and no request runs long. */
export const IMPORT_BATCH_SIZE = 10;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A Codat company ID (a UUID; Codat's spec says `format: uuid`), compared in lower case. */
const codatCompanyIdSchema = z
  .string({ error: "Enter a Codat company ID." })
  .trim()
  .toLowerCase()
  .min(1, { error: "Enter a Codat company ID." })
  .regex(GUID, { error: "A Codat company ID looks like 3fa85f64-5717-4562-b3fc-2c963f66afa6 (36 characters)." });

/** The page's "enter a Codat company ID" form. */
export const importByIdFormSchema = z.strictObject({ codatCompanyId: codatCompanyIdSchema });

/** POST /api/imports. Repeated ids count once; the contact email rule is the new-setup form's. */
export const importRequestSchema = z.strictObject({
  codatCompanyIds: z
    .array(codatCompanyIdSchema)
    .min(1, { error: "Choose at least one company to invite." })
    .max(MAX_IMPORT_IDS, { error: `Invite at most ${MAX_IMPORT_IDS} companies at a time.` })
    .transform((ids) => [...new Set(ids)]),
  contactEmail: createSetupSchema.shape.contactEmail,
});
export type ImportRequest = z.output<typeof importRequestSchema>;

const CANDIDATE_PAGE_SIZES = [10, 25, 50, 100] as const;

/** GET /api/imports/candidates and the page's address: `?page&pageSize&q`. */
export const candidatesQuerySchema = z.object({
  page: z.coerce.number().int().min(1, { error: "Pages start at 1." }).max(100_000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (CANDIDATE_PAGE_SIZES as readonly number[]).includes(n), {
      error: `Use a page size of ${CANDIDATE_PAGE_SIZES.join(", ")}.`,
    })
    .default(25),
  q: z
    .string()
    .trim()
    .max(100, { error: "Keep the search under 100 characters." })
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type CandidatesQuery = z.output<typeof candidatesQuerySchema>;

/** The page's address for a query (the page, the search and the page size are kept in the URL). */
export function candidatesHref(query: CandidatesQuery, patch: Partial<CandidatesQuery> = {}): string {
  const next = { ...query, ...patch };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.page > 1) params.set("page", String(next.page));
  if (next.pageSize !== 25) params.set("pageSize", String(next.pageSize));
  const text = params.toString();
  return text ? `/support/import?${text}` : "/support/import";
}
