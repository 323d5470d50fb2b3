import { getEnv } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { log } from "@/lib/log";
import { seedDemoStaff } from "@/lib/demo/seed-demo";
import { DEMO_STAFF } from "@/lib/demo/demo-logins";
import { getCodat } from "@/lib/codat/config";
import { startTestPushFollower } from "@/lib/test-push/follow-test-pushes";
import { startSimulatorTicker } from "@/lib/simulator/ticker";

type Holder = { started?: boolean };
const holder = globalThis as typeof globalThis & { __pushSetupStart?: Holder };

/** Runs once per server process: migrate, seed the demo, start background work, print the banner. */
export async function startUp() {
  const h = (holder.__pushSetupStart ??= {});
  if (h.started) return;
  h.started = true;
  const env = getEnv();
  const db = await getDb();
  const demo = env.DEMO || !env.strict;
  if (demo) await seedDemoStaff(db);
  startTestPushFollower(async () => ({ db: await getDb(), codat: getCodat() }));
  if (env.codatMode === "simulator") startSimulatorTicker();
  log.info("server ready", { db: env.dbKind, codat: env.codatMode, url: env.APP_URL });
  if (demo) {
    const lines = [
      "",
      `  Sage 50 push setup is running at ${env.APP_URL}`,
      `  Database: ${env.dbKind}   Codat: ${env.codatMode}`,
      "  Demo logins (staff sign in at /sign-in):",
      ...DEMO_STAFF.map((s) => `    ${s.role.padEnd(8)} ${s.email}  /  ${s.password}`),
      "",
    ];
    process.stdout.write(lines.join("\n") + "\n");
  }
}
