import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { createSimCompany } from "./companies";
import type { SimContext } from "./context";
import { hashSimPassword } from "./passwords";
import { SimPcError } from "./pc/pc-errors";
import { checkNewSageUser, SAGE_MAX_VERSION, SAGE_MIN_VERSION, SAGE_PASSWORD_MAX_LENGTH, sageUserKey } from "./pc/pc-rules";
import { findSageUser, loadPc, savePc } from "./pc/pc-store";
import { simConnections, simSageSessions, simSageUsers, simSageUserTypes } from "./schema";

/** POST /api/sim/seed-linked-company: a company already linked for pulling, with the everyday login in the connector. */
export const seedLinkedCompanySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  everydayUser: z.string().trim().min(1).max(100),
  everydayUserType: z.enum(simSageUserTypes).default("Administrator"),
  /** The everyday user's simulated password (returned, so a test can open Sage 50 with it). */
  everydayPassword: z.string().min(1).max(SAGE_PASSWORD_MAX_LENGTH).default("sage50"),
  sageOpen: z.boolean().default(false),
  baseCurrency: z.string().regex(/^[A-Z]{3}$/, { error: "Use a 3-letter currency code such as GBP." }).default("GBP"),
  sageVersion: z.number().int().min(SAGE_MIN_VERSION).max(SAGE_MAX_VERSION).optional(),
});

export type SeedLinkedCompanyInput = z.input<typeof seedLinkedCompanySchema>;
export type SeedLinkedCompanyResult = {
  companyId: string;
  connectionId: string;
  everydayUser: string;
  everydayPassword: string;
};

const DAY_MS = 86_400_000;

export async function seedLinkedCompany(ctx: SimContext, raw: SeedLinkedCompanyInput): Promise<SeedLinkedCompanyResult> {
  const input = seedLinkedCompanySchema.parse(raw);
  const { db, now } = ctx;
  const since = new Date(now.getTime() - 30 * DAY_MS);
  const hash = await hashSimPassword(input.everydayPassword);
  // The company, its everyday user, its connection, its PC and any open session: all or nothing.
  return db.transaction(async (tx) => {
    const company = await createSimCompany(
      tx,
      { name: input.name, baseCurrency: input.baseCurrency, sageVersion: input.sageVersion },
      since,
    );
    const existing = await findSageUser(tx, company.id, input.everydayUser);
    if (existing) {
      await tx
        .update(simSageUsers)
        .set({ passwordHash: hash, userType: input.everydayUserType })
        .where(and(eq(simSageUsers.companyId, company.id), eq(simSageUsers.nameKey, existing.nameKey)));
    } else {
      const problem = checkNewSageUser({
        name: input.everydayUser,
        userType: input.everydayUserType,
        password: input.everydayPassword,
        existingKeys: new Set(),
      });
      if (problem) throw new SimPcError(problem.reason, problem.message);
      await tx.insert(simSageUsers).values({
        companyId: company.id,
        nameKey: sageUserKey(input.everydayUser),
        name: input.everydayUser.replace(/\s+/g, " "),
        userType: input.everydayUserType,
        passwordHash: hash,
        createdAt: since,
      });
    }
    const connectionId = randomUUID();
    await tx.insert(simConnections).values({
      id: connectionId,
      companyId: company.id,
      status: "Linked",
      createdAt: since,
      lastSync: new Date(now.getTime() - 3_600_000),
    });
    const { pc } = await loadPc(tx, company.id);
    const everydayUser = existing?.name ?? input.everydayUser.replace(/\s+/g, " ");
    await savePc(
      tx,
      pc,
      {
        connectorState: "linked",
        connectorRunning: true,
        connectorDataPath: pc.dataPath,
        savedUsername: everydayUser,
        savedPasswordHash: hash,
      },
      since,
    );
    if (input.sageOpen) {
      await tx.insert(simSageSessions).values({ companyId: company.id, nameKey: sageUserKey(input.everydayUser), openedAt: now });
    }
    return { companyId: company.id, connectionId, everydayUser, everydayPassword: input.everydayPassword };
  });
}
