// Reading the app's routes from its files and its build manifest, to compare with the route registry.
import type { Method } from "./route-registry";

/** `app/api/x/[id]/route.ts` → `/api/x/[id]`; route groups, slots and private folders are not part of a URL. */
export function templateFromAppFile(relative: string): { file: "page" | "route"; template: string } | null {
  const parts = relative.split(/[\\/]/);
  const name = parts.pop() ?? "";
  const file = /^page\.(tsx|ts|jsx|js)$/.test(name) ? "page" : /^route\.(ts|js)$/.test(name) ? "route" : null;
  if (!file || parts.some((p) => p.startsWith("_"))) return null;
  const segments = parts.filter((p) => !/^\(.*\)$/.test(p) && !p.startsWith("@"));
  return { file, template: `/${segments.join("/")}` };
}

/** Build manifest key (`/api/companies/route`, `/help/[slug]/page`) → template; internal pages skipped. */
export function templateFromManifestKey(key: string): string | null {
  const template = key.replace(/\/(page|route)$/, "") || "/";
  if (template.split("/").some((p) => p.startsWith("_"))) return null;
  return template.replace(/\/\([^/)]*\)/g, "") || "/";
}

/** The HTTP methods a route.ts exports (`export const GET`, `export async function POST`, `export const { GET, POST } =`). */
export function exportedMethods(source: string): Method[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s+const\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s+const\s+\{([^}]*)\}\s*=/g)) {
    for (const name of m[1]!.split(",").map((s) => s.trim().split(/\s*:\s*/).pop() ?? "")) {
      if (/^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(name)) found.add(name);
    }
  }
  return [...found].sort() as Method[];
}
