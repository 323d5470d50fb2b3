import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { isInjectedFailure, withFailingWrite } from "@/lib/db/testing/fail-writes";
import type { DbHandle } from "@/lib/db/client";
import { actorRef } from "@/lib/auth/actor";
import { listApiKeys } from "@/lib/db/queries/api-keys";
import { events } from "@/lib/db/schema/events";
import { createApiKey, revokeKey } from "./api-keys";

const system = actorRef({ type: "system" });

describeEachDatabase("API keys on $name", ({ open }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(async () => h?.close());

  const eventTyped = (type: string) => ({ table: events, on: "insert" as const, when: `new.type = '${type}'` });

  it("a key exists only with its 'created' event", async () => {
    const create = () => createApiKey(h.db, { name: "Half made backend", scopes: ["read"], actor: system });
    await expect(withFailingWrite(h.db, eventTyped("api_key.created"), create)).rejects.toSatisfy(isInjectedFailure);
    expect((await listApiKeys(h.db)).map((k) => k.name)).not.toContain("Half made backend");
  });

  it("a key stays live when its revocation cannot be logged", async () => {
    const key = await createApiKey(h.db, { name: "Kept backend", scopes: ["read"], actor: system });
    await expect(withFailingWrite(h.db, eventTyped("api_key.revoked"), () => revokeKey(h.db, { id: key.id, actor: system }))).rejects.toSatisfy(
      isInjectedFailure,
    );
    expect((await listApiKeys(h.db)).find((k) => k.id === key.id)?.revokedAt).toBeNull();
    expect((await revokeKey(h.db, { id: key.id, actor: system })).revokedAt).toBeInstanceOf(Date);
  });
});
