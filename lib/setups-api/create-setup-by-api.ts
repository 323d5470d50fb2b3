import type { Db } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import { getCodat } from "@/lib/codat/config";
import type { ApiKeyCaller } from "@/lib/auth/api-key-guard";
import { findCompanyByExternalId } from "@/lib/db/queries/api-setups";
import { isUniqueViolation } from "@/lib/db/pg-errors";
import { createSetup } from "@/lib/setup/create-setup";
import { importCompany } from "@/lib/import/import-company";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import type { CompanyRow } from "@/lib/db/queries/companies";
import { apiSetupLink, loadApiSetup } from "./setup-view";
import { holdExternalId } from "./external-id-hold";
import { withIdempotency, type ApiAnswer } from "./idempotency";
import type { ApiSetup, ApiSetupLink, CreateApiSetupInput } from "./api-v1-schemas";

type Created = { setup: ApiSetup; setupLink: ApiSetupLink | null };

/**
 * The integrator's backend creates a setup (`POST /api/v1/setups`): a new Codat company with its
 * Sage 50 connection (flow new, `createSetup`) or an existing one linked for pulling (flow upgrade,
 * `importCompany`), our record with its `externalId`, and a setup link (201). A setup with that
 * `externalId` already here is answered as it is (200, `setupLink: null`), and Codat is not called.
 * The `externalId` is held before Codat is called (`holdExternalId`), so a concurrent request with it
 * waits and answers this setup; a Codat company made for an attempt whose final write failed is
 * reused by the next. With an `Idempotency-Key`, the same request within 24 hours gets the first
 * answer again.
 */
export async function createSetupByApi(
  db: Db,
  opts: { apiKey: ApiKeyCaller; input: CreateApiSetupInput; idempotencyKey: string | null; codat?: CodatClient; waitMs?: number },
): Promise<ApiAnswer<Created> & { replayed: boolean }> {
  const { input } = opts;
  const request = { method: "POST", path: "/api/v1/setups", body: input };
  return withIdempotency(db, { apiKeyId: opts.apiKey.id, key: opts.idempotencyKey, request }, async (linkSecrets) => {
    const held = await holdExternalId(db, input.externalId, { waitMs: opts.waitMs });
    if ("company" in held) return existingSetup(db, held.company);
    const { hold } = held;
    const codat = opts.codat ?? getCodat();
    const common = {
      contactEmail: input.contactEmail,
      actor: { type: "integrator" as const, id: opts.apiKey.id },
      appUrl: getEnv().APP_URL,
      externalId: input.externalId,
      linkSecrets,
    };
    const upgradeOf = input.flow === "upgrade" ? input.codatCompanyId : undefined;
    try {
      let made;
      if (upgradeOf) {
        // Nothing is made at Codat for an upgrade: the hold only keeps concurrent requests out.
        made = await importCompany(db, codat, { ...common, codatCompanyId: upgradeOf });
        await hold.inTransaction(db);
      } else {
        made = await createSetup(db, codat, { ...common, name: input.name, reservation: hold });
      }
      return { status: 201, body: { setup: await loadApiSetup(db, made.company), setupLink: apiSetupLink(made.setupLink) } };
    } catch (err) {
      await hold.release().catch((releaseErr: unknown) => log.warn("an externalId hold could not be released; it ends on its own", { error: releaseErr }));
      // A setup with this externalId written past the hold (one whose hold had ended): it is the one.
      const winner = isUniqueViolation(err) ? await findCompanyByExternalId(db, input.externalId) : null;
      if (winner) return existingSetup(db, winner);
      throw err;
    }
  });
}

async function existingSetup(db: Db, company: CompanyRow): Promise<ApiAnswer<Created>> {
  return { status: 200, body: { setup: await loadApiSetup(db, company), setupLink: null } };
}
