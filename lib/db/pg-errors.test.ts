import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { describeEachDatabase } from "./testing/test-databases";
import type { DbHandle } from "./client";
import { isUniqueViolation, isUnstorableText } from "./pg-errors";

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => {
      throw new Error("expected the query to fail");
    },
    (err: unknown) => err,
  );
}

describeEachDatabase("database errors on $name", ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(async () => {
    await handle.close();
  });

  it("recognises a NUL character in text and a \\u0000 escape in jsonb", async () => {
    const text = await failure(() => handle.db.execute(sql`select ${"a\u0000b"}::text`));
    const json = await failure(() => handle.db.execute(sql`select ${'{"a":"\\u0000"}'}::jsonb`));
    expect([isUnstorableText(text), isUnstorableText(json)]).toEqual([true, true]);
    expect(isUniqueViolation(text)).toBe(false);
  });

  it("recognises a unique violation and nothing else", async () => {
    await handle.db.execute(sql`create temporary table pg_errors_probe (id int primary key)`);
    await handle.db.execute(sql`insert into pg_errors_probe values (1)`);
    const duplicate = await failure(() => handle.db.execute(sql`insert into pg_errors_probe values (1)`));
    expect([isUniqueViolation(duplicate), isUnstorableText(duplicate)]).toEqual([true, false]);
    expect(isUniqueViolation(new Error("plain"))).toBe(false);
    expect(isUnstorableText({ code: "not_found" })).toBe(false);
  });
});
