import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import { recordEvent } from "@/lib/db/queries/events";
import type { CompanyRow } from "@/lib/db/queries/companies";
import { actorRef } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { csvResponse } from "@/lib/api/csv-response";
import { exportSetupsCsv } from "./export-setups-csv";
import { exportTimelineCsv } from "./export-timeline-csv";
import { supportListQuerySchema, type SupportListQueryInput } from "./support-list-schema";
import { seedSetup } from "./testing/setup-fixtures";

/** RFC 4180 read back: quoted fields may hold commas, doubled quotes, CR and LF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += c;
  }
  return records;
}

const NOW = new Date();
const HOSTILE = "=HYPERLINK(\"http://evil.example\",\"click\")";
const AWKWARD = 'O"Brien, Sons\nLtd';
const q = (input: SupportListQueryInput = {}) => supportListQuerySchema.parse(input);

describeEachDatabase("CSV exports on $name", ({ open }) => {
  let h: DbHandle;
  let awkward: CompanyRow;
  beforeAll(async () => {
    h = await open();
    await seedSetup(h.db, { name: HOSTILE, connectionStatus: "Linked", pushes: [{ status: "failed", minutesAgo: 5 }] }, NOW);
    awkward = await seedSetup(h.db, { name: AWKWARD, connectionStatus: "PendingAuth", daysSinceActivity: 5 }, NOW);
    for (let i = 0; i < 7; i++) await seedSetup(h.db, { name: `Plain ${i}`, connectionStatus: "Linked", pushEnabled: true }, NOW);
  });
  afterAll(async () => h?.close());

  async function download(csv: ReturnType<typeof exportSetupsCsv>) {
    const res = csvResponse(csv);
    return { res, records: parseCsv(await res.text()) };
  }

  it("streams every row of the list, page after page, quoted so that commas, quotes and newlines survive", async () => {
    const { res, records } = await download(exportSetupsCsv(h.db, q({ sort: "name" }), NOW, 2));
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="setups-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(records[0]?.[0]).toBe("Company");
    expect(records).toHaveLength(1 + 9);
    expect(records.map((r) => r[0])).toContain(AWKWARD);
  });

  it("makes formulas inert with a leading quote", async () => {
    const { records } = await download(exportSetupsCsv(h.db, q({ filter: "failing" }), NOW));
    expect(records.slice(1).map((r) => r[0])).toEqual([`'${HOSTILE}`]);
  });

  it("honours the list's filters and search", async () => {
    const stuck = await download(exportSetupsCsv(h.db, q({ filter: "stuck", step: "push-user" }), NOW));
    expect(stuck.records.slice(1).map((r) => r[0])).toEqual([]);
    const atStart = await download(exportSetupsCsv(h.db, q({ filter: "stuck", step: "before-start" }), NOW));
    expect(atStart.records.slice(1).map((r) => r[0])).toEqual([AWKWARD]);
    const search = await download(exportSetupsCsv(h.db, q({ q: "plain", filter: "enabled", sort: "name", dir: "desc" }), NOW, 3));
    expect(search.records.slice(1).map((r) => r[0])).toEqual(["Plain 6", "Plain 5", "Plain 4", "Plain 3", "Plain 2", "Plain 1", "Plain 0"]);
    expect(search.records.slice(1).every((r) => r[8] === "true")).toBe(true);
  });

  it("exports a company's whole timeline, newest first, in pages", async () => {
    for (let i = 0; i < 4; i++) {
      await recordEvent(h.db, { companyId: awkward.id, actor: actorRef({ type: "system" }), type: "note.added", data: { text: i === 3 ? "@cmd, \"x\"" : `note ${i}` } });
    }
    const res = csvResponse(exportTimelineCsv(h.db, awkward, NOW, 2));
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="o-brien-sons-ltd-timeline-\d{4}-\d{2}-\d{2}\.csv"$/);
    const records = parseCsv(await res.text());
    expect(records[0]).toEqual(["Time", "Actor type", "Actor", "Event", "What happened", "Detail", "Data (JSON)", "Event ID"]);
    const notes = records.slice(1).filter((r) => r[3] === "note.added");
    expect(notes).toHaveLength(4);
    expect(notes[0]?.[5]).toBe(`'@cmd, "x"`);
    expect(JSON.parse(notes[1]![6]!)).toEqual({ text: "note 2" });
    const ids = records.slice(1).map((r) => Number(r[7]));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });
});

describe("who may export", () => {
  it("is support and admin (company:read), never a client", () => {
    expect(can("support", "company:read")).toBe(true);
    expect(can("admin", "company:read")).toBe(true);
    expect(can("client", "company:read")).toBe(false);
  });
});
