import { codatErrors } from "./codat-errors";

/**
 * Codat's paging (`page`, `pageSize`), a small part of its query language (`query`: conditions
 * joined by `&&`, each `field=value`, `field!=value`, `field~value`, `field>value`, `field<value`)
 * and `orderBy` (`field` or `-field`).
 */

export type PageRequest = { page: number; pageSize: number; query: string | null; orderBy: string | null };
export type Paged<T> = {
  results: T[];
  pageNumber: number;
  pageSize: number;
  totalResults: number;
  _links: { self: { href: string }; current: { href: string }; next?: { href: string }; previous?: { href: string } };
};

function positiveInt(raw: string | null, fallback: number, max: number, name: string): number {
  if (raw === null || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw codatErrors.badRequest(`${name} must be a whole number from 1 to ${max}.`);
  return n;
}

export function readPageRequest(url: URL): PageRequest {
  return {
    page: positiveInt(url.searchParams.get("page"), 1, 1_000_000, "page"),
    pageSize: positiveInt(url.searchParams.get("pageSize"), 100, 5000, "pageSize"),
    query: url.searchParams.get("query") || null,
    orderBy: url.searchParams.get("orderBy") || null,
  };
}

/** Codat's HAL links for one page of `total` results. */
export function pageLinks(req: PageRequest, total: number, selfPath: string): Paged<unknown>["_links"] {
  const extra = [
    req.query ? `&query=${encodeURIComponent(req.query)}` : "",
    req.orderBy ? `&orderBy=${encodeURIComponent(req.orderBy)}` : "",
  ].join("");
  const href = (page: number) => ({ href: `${selfPath}?page=${page}&pageSize=${req.pageSize}${extra}` });
  return {
    self: { href: selfPath },
    current: href(req.page),
    ...(req.page * req.pageSize < total ? { next: href(req.page + 1) } : {}),
    ...(req.page > 1 ? { previous: href(req.page - 1) } : {}),
  };
}

/** One page of an in-memory list, in Codat's paged shape. */
export function pagedBody<T>(all: readonly T[], req: PageRequest, selfPath: string): Paged<T> {
  const start = (req.page - 1) * req.pageSize;
  return {
    results: all.slice(start, start + req.pageSize),
    pageNumber: req.page,
    pageSize: req.pageSize,
    totalResults: all.length,
    _links: pageLinks(req, all.length, selfPath),
  };
}

type Fields<T> = Record<string, (item: T) => string | null | undefined>;
const CONDITION = /^\s*([A-Za-z][A-Za-z0-9.]*)\s*(!=|=|~|>|<)\s*(.*?)\s*$/;

/** Filters and orders `items` by a Codat query and orderBy over the given fields (strings compared). */
export function applyQuery<T>(items: readonly T[], req: PageRequest, fields: Fields<T>, defaultOrder: string): T[] {
  let out = [...items];
  if (req.query) {
    for (const part of req.query.split("&&")) {
      const m = CONDITION.exec(part);
      if (!m) throw codatErrors.malformedQuery("Malformed query.");
      const [, field = "", op = "", rawValue = ""] = m;
      const get = fields[field];
      if (!get) throw codatErrors.malformedQuery(`Could not resolve property ${field}`);
      const value = rawValue.replace(/^\{(.*)\}$/, "$1").replace(/^"(.*)"$/, "$1");
      out = out.filter((item) => {
        const actual = get(item) ?? "";
        if (op === "=") return actual.toLowerCase() === value.toLowerCase();
        if (op === "!=") return actual.toLowerCase() !== value.toLowerCase();
        if (op === "~") return actual.toLowerCase().includes(value.toLowerCase());
        return op === ">" ? actual > value : actual < value;
      });
    }
  }
  const order = req.orderBy ?? defaultOrder;
  const desc = order.startsWith("-");
  const get = fields[desc ? order.slice(1) : order];
  if (!get) throw codatErrors.malformedQuery(`Could not resolve property ${order}`);
  out.sort((a, b) => {
    const x = get(a) ?? "";
    const y = get(b) ?? "";
    return (x < y ? -1 : x > y ? 1 : 0) * (desc ? -1 : 1);
  });
  return out;
}
