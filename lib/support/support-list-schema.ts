import { z } from "zod";
import { INSIGHT_FLOWS } from "@/lib/sage/insights";
import { WIZARD_STEPS, type WizardStepKey } from "@/lib/sage/steps";

/**
 * The support list's URL state (`/support?q=&filter=&step=&flow=&sort=&dir=&page=`), shared by the
 * page, `GET /api/companies` and its CSV export `GET /api/companies.csv`. Filters follow `classifySetup`
 * in lib/sage/support-status.ts; "attention" (Needs attention) is push health in an alerting state
 * (failing or disconnected: an alert is open).
 */
const supportFilters = ["all", "attention", "stuck", "failing", "waiting", "enabled"] as const;
export type SupportFilter = (typeof supportFilters)[number];

const supportSorts = ["activity", "name", "test-push", "health"] as const;
export type SupportSort = (typeof supportSorts)[number];

const sortDirections = ["asc", "desc"] as const;
export type SortDirection = (typeof sortDirections)[number];

/**
 * The direction a column sorts in when first chosen: newest first for times, A to Z for names, worst
 * first for health (ascending: `PUSH_HEALTH_SEVERITY`'s order).
 */
export const DEFAULT_DIRECTION: Record<SupportSort, SortDirection> = { activity: "desc", name: "asc", "test-push": "desc", health: "asc" };

const STEP_KEYS = WIZARD_STEPS.map((step) => step.key) as [WizardStepKey, ...WizardStepKey[]];

const SUPPORT_PAGE_SIZES = [10, 25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 25;

export const supportListQuerySchema = z
  .object({
    q: z
      .string()
      .trim()
      .max(100, "Search for at most 100 characters.")
      .refine((q) => !q.includes("\u0000"), "Remove the NUL character from the search.")
      .optional()
      .default(""),
    filter: z.enum(supportFilters).optional().default("all"),
    /** Only setups on this wizard step (the insights page's stalled links). */
    step: z.enum(STEP_KEYS).optional(),
    flow: z.enum(INSIGHT_FLOWS).optional().default("all"),
    sort: z.enum(supportSorts).optional().default("activity"),
    dir: z.enum(sortDirections).optional(),
    page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
    pageSize: z.coerce
      .number()
      .int()
      .refine((n) => (SUPPORT_PAGE_SIZES as readonly number[]).includes(n), "Choose 10, 25, 50 or 100 rows a page.")
      .optional()
      .default(DEFAULT_PAGE_SIZE),
  })
  .transform((v) => ({ ...v, dir: v.dir ?? DEFAULT_DIRECTION[v.sort] }));

export type SupportListQuery = z.output<typeof supportListQuerySchema>;
export type SupportListQueryInput = z.input<typeof supportListQuerySchema>;

export const DEFAULT_SUPPORT_LIST_QUERY: SupportListQuery = supportListQuerySchema.parse({});

/**
 * The page's reading of its search params: anything not understood falls back to its default (a
 * hand-edited or stale address still shows a list), and says so.
 */
export function readSupportListParams(params: Record<string, string | string[] | undefined>): {
  query: SupportListQuery;
  corrected: boolean;
} {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "") flat[key] = first;
  }
  const parsed = supportListQuerySchema.safeParse(flat);
  if (parsed.success) return { query: parsed.data, corrected: false };
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const kept = Object.fromEntries(Object.entries(flat).filter(([key]) => !bad.has(key)));
  const retry = supportListQuerySchema.safeParse(kept);
  return { query: retry.success ? retry.data : DEFAULT_SUPPORT_LIST_QUERY, corrected: true };
}

/** The list's state as search params; defaults are left out so links stay short. */
function listParams(next: SupportListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.filter !== "all") params.set("filter", next.filter);
  if (next.step) params.set("step", next.step);
  if (next.flow !== "all") params.set("flow", next.flow);
  if (next.sort !== "activity") params.set("sort", next.sort);
  if (next.dir !== DEFAULT_DIRECTION[next.sort]) params.set("dir", next.dir);
  return params;
}

/** The address of a list view. */
export function supportListHref(query: SupportListQuery, change: Partial<SupportListQuery> = {}): string {
  const next = { ...query, ...change };
  const params = listParams(next);
  if (next.pageSize !== DEFAULT_PAGE_SIZE) params.set("pageSize", String(next.pageSize));
  if (next.page > 1) params.set("page", String(next.page));
  const text = params.toString();
  return text ? `/support?${text}` : "/support";
}

/** The CSV export of a list view: the same filters, search and order, every page. */
export function supportListCsvHref(query: SupportListQuery): string {
  const text = listParams(query).toString();
  return text ? `/api/companies.csv?${text}` : "/api/companies.csv";
}
