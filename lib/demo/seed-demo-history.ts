import type { Db } from "@/lib/db/client";
import { findCompanyByName } from "@/lib/db/queries/companies";
import type { DiagnosisCode } from "@/lib/sage/diagnosis-codes";
import { seedHistory, type SetupHistory } from "./seed-setup-history";

const NAMES = [
  "Ashford Plumbing",
  "Beacon Print Works",
  "Cedar Vets",
  "Dunmore Joinery",
  "Elm Street Dental",
  "Fenwick Garden Centre",
  "Glenview Opticians",
  "Hollins Haulage",
  "Ivy Lane Bakery",
  "Juniper Florists",
  "Kestrel Electrical",
  "Linden Lettings",
  "Moorland Tyres",
  "Nettlebed Pottery",
  "Orchard Dental Lab",
  "Pennine Roofing",
  "Quayside Chandlers",
  "Rowan Architects",
] as const;

const CAUSES: DiagnosisCode[] = ["concurrent_login", "connector_offline", "insufficient_rights", "concurrent_login", "connector_paused", "invalid_test_record"];

/**
 * The history of setup number `i` (of 18), spread over the last 90 days, so that the insights page
 * shows every step losing some clients, several failure causes over the weeks, and weekly completions.
 */
function history(i: number, name: string): SetupHistory {
  const flow = i % 4 === 3 ? "upgrade" : "new";
  const createdDaysAgo = 3 + ((i * 5) % 80) + (i % 3) * 0.4;
  const stopAt = i % 6; // 0..4: stopped at that step; 5: went all the way
  const h: SetupHistory = { name, flow, createdDaysAgo, connectionStatus: stopAt >= 2 ? "Linked" : "PendingAuth", linkIssuedAt: 0.2 };
  const cause = (k: number) => CAUSES[(i + Math.floor(i / 6) + k) % CAUSES.length]!;
  let t = 0.2;
  const next = (hours: number) => (t += hours + (i % 5) * 0.7);
  if (stopAt >= 1 || i % 7 === 0) h.beforeStartDone = next(0.5);
  if (stopAt >= 2) h.pushUserDone = next(3);
  if (stopAt >= 2 && flow === "new") h.connectorLinked = next(20);
  if (stopAt >= 3) h.companyConfirmed = next(1);
  if (stopAt >= 4) {
    h.pushes = [{ status: "failed", at: next(2), diagnosisCode: cause(0) }];
    if (i % 2 === 0) h.pushes.push({ status: "timed_out", at: next(4), diagnosisCode: cause(1) });
  }
  if (stopAt >= 5) {
    h.pushes = [...(h.pushes ?? []), { status: "success", at: next(1) }];
    h.pushEnabled = next(0.5);
    h.writes = {
      failed: [{ diagnosisCode: cause(2), daysAgo: Math.min(createdDaysAgo - 1, 2 + (i % 9)) }],
      days: [{ daysAgo: Math.min(createdDaysAgo - 1, 2 + (i % 9)), failed: 1 + (i % 2) }],
    };
  }
  // Quiet since their last step: the stalled ones show up as stalled.
  h.quietDays = stopAt >= 5 ? undefined : Math.max(3.2, createdDaysAgo - t / 24);
  return h;
}

/** Past setups for the demo (once): what the insights page reads, written straight to the tables. */
export async function seedDemoHistory(db: Db, now = new Date()): Promise<void> {
  if (await findCompanyByName(db, NAMES[0])) return;
  for (const [i, name] of NAMES.entries()) await seedHistory(db, history(i, name), now, `demo-history-${i + 1}`);
}
