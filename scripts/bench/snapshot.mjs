// The bench serves a private copy of the build, so that a `next build` someone else starts in the
// shared tree during the run cannot swap or delete the files under the bench's servers.
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";

const COPIED = ["next.config.ts", "package.json", "tsconfig.json", "drizzle", "public"];

const buildIdOf = (dir) => {
  const file = path.join(dir, ".next", "BUILD_ID");
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
};

/**
 * Copies .next (without its cache) and what `next start` and the app read at run time (config,
 * migrations, public files) into `dest`; node_modules is linked. Throws when the build changed
 * while it was being copied.
 */
export function snapshotApp(root, dest) {
  const before = buildIdOf(root);
  if (!before) throw new Error("there is no complete build (.next/BUILD_ID is missing)");
  mkdirSync(dest, { recursive: true });
  const cache = path.join(root, ".next", "cache");
  cpSync(path.join(root, ".next"), path.join(dest, ".next"), {
    recursive: true,
    verbatimSymlinks: true, // .next/node_modules holds relative links into node_modules
    filter: (src) => src !== cache && !src.startsWith(cache + path.sep),
  });
  for (const name of COPIED) {
    const src = path.join(root, name);
    if (existsSync(src)) cpSync(src, path.join(dest, name), { recursive: true });
  }
  symlinkSync(path.join(root, "node_modules"), path.join(dest, "node_modules"), "dir");
  const after = buildIdOf(root);
  if (after !== before || buildIdOf(dest) !== before) {
    throw new Error(`the build changed while it was being copied (${before} → ${after}); run the bench again`);
  }
  return { buildId: before, dir: dest };
}
