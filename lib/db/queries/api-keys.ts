import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { apiKeys } from "../schema/staff";
import type { ApiKeyScope } from "../../sage/api-key-scopes";

export async function insertApiKey(db: Db, v: { name: string; scopes: ApiKeyScope[]; prefix: string; keyHash: string; createdBy: string | null }) {
  const [row] = await db.insert(apiKeys).values(v).returning();
  return row!;
}

export async function findLiveApiKeyByHash(db: Db, keyHash: string) {
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row ?? null;
}

export async function listApiKeys(db: Db) {
  return db
    .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, scopes: apiKeys.scopes, createdAt: apiKeys.createdAt, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .orderBy(desc(apiKeys.createdAt));
}

export async function revokeApiKey(db: Db, id: string) {
  const [row] = await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, id)).returning();
  return row ?? null;
}
