import type { Db } from "@/lib/db/client";
import type { CsvExport } from "@/lib/api/csv-response";
import type { CompanyRow } from "@/lib/db/queries/companies";
import { listCompanyEvents } from "@/lib/db/queries/events";
import { csvFileName } from "@/lib/sage/csv";
import { describeEvent } from "./describe-event";

const HEADER = ["Time", "Actor type", "Actor", "Event", "What happened", "Detail", "Data (JSON)", "Event ID"] as const;

async function* rows(db: Db, companyId: string, pageRows: number) {
  let before: number | undefined;
  for (;;) {
    const page = await listCompanyEvents(db, companyId, { before, limit: pageRows });
    if (page.length) {
      yield page.map((e) => {
        const description = describeEvent(e.type, e.data);
        return [e.createdAt, e.actorType, e.actorLabel ?? e.actorType, e.type, description.sentence, description.detail ?? null, JSON.stringify(e.data), e.id];
      });
    }
    if (page.length < pageRows) return;
    before = page.at(-1)!.id;
  }
}

/**
 * One company's whole timeline, newest first, as a CSV export (read in pages by event id). The
 * caller has checked the company is the staff member's to read (`requireCompanyAccess`).
 */
export function exportTimelineCsv(db: Db, company: CompanyRow, now = new Date(), pageRows = 500): CsvExport {
  return { fileName: csvFileName(`${company.name} timeline`, now), header: HEADER, pages: rows(db, company.id, pageRows) };
}
