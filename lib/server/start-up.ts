import { EnvError, getEnv } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { log } from "@/lib/log";
import { seedDemoStaff } from "@/lib/demo/seed-demo";
import { DEMO_STAFF } from "@/lib/demo/demo-logins";
import { getCodat } from "@/lib/codat/config";
import { startTestPushFollower } from "@/lib/test-push/follow-test-pushes";
import { startSimulatorTicker } from "@/lib/simulator/ticker";
import { findStaffByEmail } from "@/lib/db/queries/staff";
import { getMailConfig } from "@/lib/email/mail-config";
import { startMailSender } from "@/lib/email/mail-sender";
import { reminderJob } from "@/lib/reminders/reminder-job";
import { startWebhookSender } from "@/lib/outgoing-webhooks/webhook-sender";
import { pushHealthJob } from "@/lib/push-health/push-health-job";
import { startScheduler } from "@/lib/scheduler/start-scheduler";
import { retentionJob } from "@/lib/retention/retention-job";
import { startEmbedOriginsRefresh } from "@/lib/embed/embed-origins-cache";
import { codatWebhookInboxJob } from "@/lib/webhooks/codat-webhook-inbox-job";
import { DRAIN_WORKERS, kickCodatWebhookInbox } from "@/lib/webhooks/drain-codat-webhook-inbox";

type Holder = { started?: boolean };
const holder = globalThis as typeof globalThis & { __pushSetupStart?: Holder };

/**
 * The server's start, as Next.js calls it. A server that cannot start (a variable refused by
 * lib/env.ts, a database that cannot be opened or migrated) ends its process with the reason and a
 * non-zero status, so the operator sees it at once instead of a server answering every request 500.
 */
export async function startUpOrExit(): Promise<void> {
  try {
    await startUp();
  } catch (err) {
    if (!(err instanceof EnvError)) log.error("start-up failed", { error: err });
    const reason = err instanceof Error ? err.message : String(err);
    process.stderr.write(`\n  Sage 50 push setup cannot start: ${reason}\n\n`);
    process.exit(1);
  }
}

/** Runs once per server process: migrate, seed the demo, start background work, print the banner. */
async function startUp() {
  const h = (holder.__pushSetupStart ??= {});
  if (h.started) return;
  h.started = true;
  const env = getEnv();
  const db = await getDb();
  const demo = env.DEMO || !env.strict;
  if (demo) await seedDemoStaff(db);
  startTestPushFollower(async () => ({ db: await getDb(), codat: getCodat() }));
  if (env.codatMode === "simulator") startSimulatorTicker();
  startMailSender(getDb, getMailConfig());
  startWebhookSender(getDb);
  // Jobs run by one instance per run (lib/scheduler); the senders above claim rows and run everywhere.
  startScheduler(getDb, [reminderJob, pushHealthJob(env.PUSH_HEALTH_INTERVAL_MS), codatWebhookInboxJob(getCodat), retentionJob]);
  // Codat's webhooks acknowledged before a stop and not applied yet (the scheduler's pass also finds them).
  kickCodatWebhookInbox(db, getCodat(), DRAIN_WORKERS[env.dbKind]);
  // Before the first request: the proxy's frame-ancestors for the wizard's pages come from this copy.
  await startEmbedOriginsRefresh(getDb);
  log.info("server ready", { db: env.dbKind, codat: env.codatMode, mail: env.SMTP_URL ? "smtp" : "outbox", url: env.APP_URL });
  if (demo && env.codatMode === "simulator") void seedWhenListening(env.APP_URL, env.AUTH_SECRET);
  else if (demo) printBanner([]);
}

/** The demo companies are made through the real adapter, so the server must be answering first. */
async function seedWhenListening(appUrl: string, secret: string) {
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`${appUrl}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  try {
    const db = await getDb();
    const admin = await findStaffByEmail(db, DEMO_STAFF[0].email);
    if (!admin) throw new Error("demo admin missing");
    // Loaded only now: it pulls in most of the app, which start-up itself does not need.
    const { seedDemoCompanies } = await import("@/lib/demo/seed-demo-companies");
    const { clientLink } = await seedDemoCompanies({
      db,
      codat: getCodat(),
      appUrl,
      secret,
      admin: { type: "staff", id: admin.id, role: admin.role, name: admin.name, email: admin.email },
    });
    printBanner([
      "  A client setup link (Northwind Traders Ltd, a new company):",
      `    ${clientLink.url}`,
      `    or type ${clientLink.shortCode} at ${appUrl}/go`,
    ]);
  } catch (err) {
    log.error("demo seed failed", { error: err });
    printBanner(["  (The demo companies could not be created: see the error above.)"]);
  }
}

/** The demo banner: the URL, the demo logins and a client setup link (demo mode only). */
function printBanner(extra: string[]) {
  const env = getEnv();
  const lines = [
    "",
    `  Sage 50 push setup is running at ${env.APP_URL}`,
    `  Database: ${env.dbKind}   Codat: ${env.codatMode}`,
    "  Demo logins (staff sign in at /sign-in):",
    ...DEMO_STAFF.map((s) => `    ${s.role.padEnd(8)} ${s.email}  /  ${s.password}`),
    ...extra,
    "",
  ];
  process.stdout.write(lines.join("\n") + "\n");
}
