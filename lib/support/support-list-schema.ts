import { z } from "zod";

export const supportFilters = ["all", "stuck", "failing", "waiting", "enabled"] as const;
export type SupportFilter = (typeof supportFilters)[number];
export const supportSorts = ["activity", "name", "created"] as const;

/** The support list's URL state; shared by the page and the API. */
export const supportListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().default(""),
  filter: z.enum(supportFilters).optional().default("all"),
  sort: z.enum(supportSorts).optional().default("activity"),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
  pageSize: z.coerce.number().int().min(5).max(100).optional().default(25),
});
export type SupportListQuery = z.infer<typeof supportListQuerySchema>;
