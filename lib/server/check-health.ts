import { sql } from "drizzle-orm";
import { getEnv } from "@/lib/env";
import { getDbHandle } from "@/lib/db/client";
import pkg from "@/package.json";

/** Liveness and mode, without secrets: the database answers a query. */
export async function checkHealth() {
  const env = getEnv();
  try {
    const { db, kind } = await getDbHandle();
    await db.execute(sql`select 1`);
    return { ok: true, body: { status: "ok", db: kind, codat: env.codatMode, version: pkg.version } };
  } catch {
    return { ok: false, body: { status: "unavailable", db: env.dbKind, codat: env.codatMode, version: pkg.version } };
  }
}
