import type { Db } from "@/lib/db/client";
import type { CsvExport } from "@/lib/api/csv-response";
import { csvFileName } from "@/lib/sage/csv";
import { connectionStatusLabel } from "@/lib/sage/status-labels";
import { allSetupPages, type SetupListItem } from "./list-setups";
import type { SupportListQuery } from "./support-list-schema";

const HEADER = [
  "Company",
  "Contact email",
  "Flow",
  "Step",
  "Step number",
  "Steps in flow",
  "Setup complete",
  "Connection",
  "Push on",
  "Latest test push",
  "Latest test push started",
  "Last activity",
  "Stuck",
  "Failing",
  "Waiting on connector",
  "Setup ID",
] as const;

function toRow(item: SetupListItem) {
  return [
    item.name,
    item.contactEmail,
    item.flow,
    item.step.title,
    item.step.number,
    item.step.of,
    item.step.complete,
    connectionStatusLabel(item.connectionStatus),
    item.pushEnabled,
    item.latestTestPush?.status ?? null,
    item.latestTestPush?.startedAt ?? null,
    item.lastActivityAt,
    item.flags.stuck,
    item.flags.failing,
    item.flags.waitingOnConnector,
    item.id,
  ];
}

async function* rows(db: Db, query: SupportListQuery, now: Date, pageRows: number) {
  for await (const page of allSetupPages(db, query, now, pageRows)) yield page.map(toRow);
}

/** The support list with its filters, search and order (not its paging), as a CSV export. */
export function exportSetupsCsv(db: Db, query: SupportListQuery, now = new Date(), pageRows = 500): CsvExport {
  return { fileName: csvFileName("setups", now), header: HEADER, pages: rows(db, query, now, pageRows) };
}
