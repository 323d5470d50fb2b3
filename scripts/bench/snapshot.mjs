// The bench serves a private copy of the build, so that a `next build` someone else starts in the
// shared tree during the run cannot swap or delete the files under the bench's servers.
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";

const COPIED = ["next.config.js", "package.json", "tsconfig.json", "drizzle", "public"];

const buildIdOf = (distDir) => {
  const file = path.join(distDir, "BUILD_ID");
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
};

/**
 * Copies the build in `distDir` (without its cache) to `dest`/.next, the default folder the servers
 * then use, with what `next start` and the app read at run time (config, migrations, public files);
 * node_modules is linked. The build's own links into node_modules (distDir/node_modules) become
 * absolute in the copy (fs.cpSync's default), so they hold whatever the folder's depth. Throws when
 * the build changed while it was being copied.
 */
export function snapshotApp(root, distDir, dest) {
  const before = buildIdOf(distDir);
  if (!before) throw new Error(`there is no complete build in ${distDir} (BUILD_ID is missing)`);
  mkdirSync(dest, { recursive: true });
  const cache = path.join(distDir, "cache");
  cpSync(distDir, path.join(dest, ".next"), {
    recursive: true,
    filter: (src) => src !== cache && !src.startsWith(cache + path.sep),
  });
  for (const name of COPIED) {
    const src = path.join(root, name);
    if (existsSync(src)) cpSync(src, path.join(dest, name), { recursive: true });
  }
  symlinkSync(path.join(root, "node_modules"), path.join(dest, "node_modules"), "dir");
  const after = buildIdOf(distDir);
  if (after !== before || buildIdOf(path.join(dest, ".next")) !== before) {
    throw new Error(`the build changed while it was being copied (${before} → ${after}); run the bench again`);
  }
  return { buildId: before, dir: dest };
}
