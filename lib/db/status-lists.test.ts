import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "./client";
import { describeEachDatabase } from "./testing/test-databases";
import { DIAGNOSIS_CODES } from "@/lib/sage/diagnosis-codes";
import { EMAIL_KINDS } from "@/lib/sage/email-kinds";
import { BROKEN_CONNECTION_STATUSES, WAITING_CONNECTION_STATUSES } from "@/lib/sage/support-status";
import { FAILING_TEST_PUSH_STATUSES, RUNNING_TEST_PUSH_STATUSES } from "@/lib/sage/test-push-status";
import { CONNECTION_STATUSES, SETUP_FLOWS, TEST_PUSH_STATUSES } from "@/lib/sage/types";
import { ALERT_STATES, ALERTING_PUSH_HEALTH_STATES, PUSH_HEALTH_STATES, PUSH_WRITE_OUTCOMES } from "@/lib/sage/push-health";
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES } from "@/lib/sage/webhook-events";

/**
 * Where SQL spells a lib/sage list out (check constraints, partial indexes' predicates), the database
 * must hold exactly that list: read back from the catalog after the migrations ran, on both databases.
 * A list changed in TypeScript without a migration (or a migration edited by hand) fails here.
 */

type Rows<T> = { rows: T[] };

/** Each column compared with a list in a definition, and the string literals it is compared with. */
function listsByColumn(definition: string): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  // PostgreSQL writes `col in ('a', 'b')` back as `(col = ANY (ARRAY['a'::text, 'b'::text]))` and a
  // one-item list as `(col = 'a'::text)`.
  const pattern = /\(?"?(\w+)"?\)? = (?:ANY \(\(?ARRAY\[([^\]]*)\]\)?(?:::text\[\])?\)|('(?:[^']|'')*'::text))/g;
  for (const m of definition.matchAll(pattern)) {
    const literals = (m[2] ?? m[3] ?? "").match(/'(?:[^']|'')*'/g) ?? [];
    found[m[1]!] = literals.map((l) => l.slice(1, -1).replace(/''/g, "'"));
  }
  return found;
}

const CHECKS: Record<string, Record<string, readonly string[]>> = {
  companies_flow_check: { flow: SETUP_FLOWS },
  companies_connection_status_check: { connection_status: CONNECTION_STATUSES },
  companies_latest_test_push_status_check: { latest_test_push_status: TEST_PUSH_STATUSES },
  test_pushes_status_check: { status: TEST_PUSH_STATUSES },
  test_pushes_diagnosis_code_check: { diagnosis_code: DIAGNOSIS_CODES },
  outbox_messages_kind_check: { kind: EMAIL_KINDS },
  companies_push_health_state_check: { push_health_state: PUSH_HEALTH_STATES },
  companies_push_health_cause_check: { push_health_cause: DIAGNOSIS_CODES },
  push_writes_outcome_check: { outcome: PUSH_WRITE_OUTCOMES },
  push_writes_diagnosis_code_check: { diagnosis_code: DIAGNOSIS_CODES },
  alerts_state_check: { state: ALERT_STATES },
  alerts_health_state_check: { health_state: PUSH_HEALTH_STATES },
  alerts_cause_check: { cause: DIAGNOSIS_CODES },
  webhook_deliveries_status_check: { status: WEBHOOK_DELIVERY_STATUSES },
  webhook_deliveries_event_type_check: { event_type: WEBHOOK_EVENT_TYPES },
};

const INDEXES: Record<string, Record<string, readonly string[]>> = {
  companies_failing_idx: { latest_test_push_status: FAILING_TEST_PUSH_STATUSES, connection_status: BROKEN_CONNECTION_STATUSES },
  companies_waiting_idx: { connection_status: WAITING_CONNECTION_STATUSES, latest_test_push_status: RUNNING_TEST_PUSH_STATUSES },
  test_pushes_one_running_idx: { status: RUNNING_TEST_PUSH_STATUSES },
  alerts_one_open_idx: { state: ["open"] },
  webhook_deliveries_pending_idx: { status: ["pending"] },
  companies_needs_attention_idx: { push_health_state: ALERTING_PUSH_HEALTH_STATES },
};

/** The hand-written functions (drizzle/0001, 0002) name no status: should one ever, compare it here. */
const FUNCTIONS = ["companies_sync_latest_test_push", "latest_test_push_read"];
const ALL_VALUES = [...SETUP_FLOWS, ...CONNECTION_STATUSES, ...TEST_PUSH_STATUSES, ...DIAGNOSIS_CODES, ...EMAIL_KINDS];

describe("listsByColumn", () => {
  it("reads both ways PostgreSQL writes a list back", () => {
    expect(listsByColumn(`CHECK ((flow = ANY (ARRAY['new'::text, 'up''grade'::text])))`)).toEqual({ flow: ["new", "up'grade"] });
    expect(listsByColumn(`WHERE ((connection_status IS NULL) OR (connection_status = 'PendingAuth'::text))`)).toEqual({ connection_status: ["PendingAuth"] });
  });
});

describeEachDatabase("status lists in the database on $name", ({ open }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(Object.entries(CHECKS))("check constraint %s allows exactly the lib/sage list", async (name, expected) => {
    const rows = (await h.db.execute(
      sql`select pg_get_constraintdef(oid) as def from pg_constraint where contype = 'c' and conname = ${name}`,
    )) as unknown as Rows<{ def: string }>;
    expect(rows.rows).toHaveLength(1);
    expect(listsByColumn(rows.rows[0]!.def)).toEqual(copy(expected));
  });

  it.each(Object.entries(INDEXES))("partial index %s filters on exactly the lib/sage lists", async (name, expected) => {
    const rows = (await h.db.execute(sql`select indexdef as def from pg_indexes where indexname = ${name}`)) as unknown as Rows<{ def: string }>;
    expect(rows.rows).toHaveLength(1);
    expect(listsByColumn(rows.rows[0]!.def)).toEqual(copy(expected));
  });

  it.each(FUNCTIONS)("function %s spells out no status list", async (name) => {
    const rows = (await h.db.execute(sql`select prosrc as src from pg_proc where proname = ${name}`)) as unknown as Rows<{ src: string }>;
    expect(rows.rows).toHaveLength(1);
    const src = rows.rows[0]!.src;
    expect(ALL_VALUES.filter((v) => src.includes(`'${v}'`))).toEqual([]);
  });

  it("refuses a status outside the lists", async () => {
    await expect(h.db.execute(sql`insert into companies (name, codat_company_id, flow) values ('X', 'status-lists-x', 'other')`)).rejects.toThrow();
    await expect(
      h.db.execute(sql`insert into companies (name, codat_company_id, connection_status) values ('Y', 'status-lists-y', 'Gone')`),
    ).rejects.toThrow();
  });
});

function copy(lists: Record<string, readonly string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, [...v]]));
}
