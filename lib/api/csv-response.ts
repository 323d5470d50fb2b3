import { csvRow, type CsvValue } from "@/lib/sage/csv";

/** A CSV download: its file name, header and rows, read page by page only while the client reads. */
export type CsvExport = { fileName: string; header: readonly string[]; pages: AsyncIterable<readonly (readonly CsvValue[])[]> };

/**
 * Streams a CSV export (RFC 4180, formulas made inert: lib/sage/csv.ts). Each page is read from the
 * database when the client asks for more, so a large export never sits in memory; an error part-way
 * ends the stream with an error (the download is cut short, never silently incomplete).
 */
export function csvResponse(csv: CsvExport): Response {
  const encoder = new TextEncoder();
  const pages = csv.pages[Symbol.asyncIterator]();
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvRow(csv.header)));
        return;
      }
      const next = await pages.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map(csvRow).join("")));
    },
    async cancel() {
      await pages.return?.();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${csv.fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
