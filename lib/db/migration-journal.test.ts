import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * drizzle's migrator applies, on a database that already has migrations, only the entries whose `when`
 * is later than the last applied one's: an entry dated before its predecessor (a hand-written or
 * renumbered migration given a made-up time) would be skipped on every existing database.
 */
const folder = path.resolve(import.meta.dirname, "../../drizzle");
type Entry = { idx: number; when: number; tag: string };
const journal = JSON.parse(readFileSync(path.join(folder, "meta/_journal.json"), "utf8")) as { entries: Entry[] };

describe("the migration journal", () => {
  it("numbers its entries 0, 1, 2, … and each tag starts with its number", () => {
    journal.entries.forEach((entry, i) => {
      expect(entry.idx).toBe(i);
      expect(entry.tag.startsWith(String(i).padStart(4, "0") + "_"), entry.tag).toBe(true);
    });
  });

  it("dates every entry after the one before it, and none in the future", () => {
    for (let i = 1; i < journal.entries.length; i++) {
      expect(journal.entries[i]!.when, journal.entries[i]!.tag).toBeGreaterThan(journal.entries[i - 1]!.when);
    }
    expect(journal.entries.at(-1)!.when).toBeLessThanOrEqual(Date.now());
  });

  it("has one SQL file per entry and no other", () => {
    const files = readdirSync(folder).filter((f) => f.endsWith(".sql")).sort();
    expect(files).toEqual(journal.entries.map((e) => `${e.tag}.sql`).sort());
  });
});
