/**
 * CSV as RFC 4180 says (comma-separated, CRLF line ends, a field holding a quote, comma, CR or LF is
 * quoted and its quotes doubled), with spreadsheet-formula injection neutralised: a cell starting
 * with `=`, `+`, `-`, `@`, a tab or a CR gets a leading `'`, so a spreadsheet shows it as text and
 * never runs it.
 */

export type CsvValue = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, made inert and quoted when needed. Numbers are written as they are (a negative number is a number, not a formula). */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = value instanceof Date ? value.toISOString() : value;
  const inert = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/** One record, ended by CRLF. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** `name-2026-12-02.csv`: a download's file name, only letters, digits, dots and dashes. */
export function csvFileName(name: string, at: Date): string {
  const safe = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "export";
  return `${safe}-${at.toISOString().slice(0, 10)}.csv`;
}
