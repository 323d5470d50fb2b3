import { describe, expect, it } from "vitest";
import { csvCell, csvFileName, csvRow } from "./csv";

describe("csv", () => {
  it("quotes fields holding quotes, commas, CR or LF, doubling the quotes", () => {
    expect(csvCell('O"Brien, Sons')).toBe('"O""Brien, Sons"');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("")).toBe("");
  });

  it("makes cells starting with = + - @ tab or CR inert with a leading quote", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("\rcmd")).toBe(`"'\rcmd"`);
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("writes numbers, booleans, dates and empty values", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(new Date("2026-01-02T03:04:05Z"))).toBe("2026-01-02T03:04:05.000Z");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("ends each record with CRLF", () => {
    expect(csvRow(["a", "b,c", 1])).toBe('a,"b,c",1\r\n');
  });

  it("names files with safe characters only", () => {
    expect(csvFileName("Acme \"Trading\"/Ltd", new Date("2026-12-02T10:00:00Z"))).toBe("acme-trading-ltd-2026-12-02.csv");
    expect(csvFileName("***", new Date("2026-12-02T10:00:00Z"))).toBe("export-2026-12-02.csv");
  });
});
