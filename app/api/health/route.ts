import { NextResponse } from "next/server";
import { sql } from "drizzle-orm";
import { getEnv } from "@/lib/env";
import { getDbHandle } from "@/lib/db/client";
import pkg from "@/package.json";

export const dynamic = "force-dynamic";

/** Liveness and mode, without auth and without secrets. */
export async function GET() {
  const env = getEnv();
  try {
    const { db, kind } = await getDbHandle();
    await db.execute(sql`select 1`);
    return NextResponse.json({ status: "ok", db: kind, codat: env.codatMode, version: pkg.version });
  } catch {
    return NextResponse.json(
      { status: "unavailable", db: env.dbKind, codat: env.codatMode, version: pkg.version },
      { status: 503 },
    );
  }
}
