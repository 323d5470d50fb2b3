// Finds a Chromium for the browser tests: CHROMIUM_PATH, else Playwright's own browser, else Debian's.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH];
  try {
    const r = spawnSync(process.execPath, ["-e", "process.stdout.write(require('playwright-core').chromium.executablePath())"], {
      encoding: "utf8",
    });
    if (r.status === 0) candidates.push(r.stdout.trim());
  } catch {
    /* no Playwright browser */
  }
  candidates.push("/usr/bin/chromium", "/usr/bin/chromium-browser");
  return candidates.find((c) => c && existsSync(c)) ?? null;
}

const INSTALL = "apt-get update && apt-get install -y chromium fonts-liberation";

/** Returns a Chromium path, installing Debian's package when we are root and have apt-get. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    console.log("No Chromium found: installing Debian's chromium package…");
    const r = spawnSync("sh", ["-c", `DEBIAN_FRONTEND=noninteractive ${INSTALL.replace("install -y", "install -y -qq")}`], {
      stdio: "inherit",
    });
    if (r.status === 0) return findChromium();
  }
  console.error(`No Chromium for the browser tests. Install one with:\n  sudo sh -c '${INSTALL}'\nor set CHROMIUM_PATH.`);
  return null;
}
