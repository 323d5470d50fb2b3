import type { components as Platform } from "@/lib/codat/generated/platform";
import type { components as Payables } from "@/lib/codat/generated/payables";
import type { simCompanies, simConnections, simPcs, simPushOperations } from "../schema";

/** Rows → the JSON Codat sends. Optional fields are left out rather than sent as null. */

export type CodatCompany = Platform["schemas"]["Company"];
export type CodatConnection = Platform["schemas"]["Connection"];
export type CodatPushOperation = Platform["schemas"]["PushOperation"];
export type CodatCompanyReference = Platform["schemas"]["Company_companyReference"];
export type CodatCompanyInfo = Payables["schemas"]["CompanyInfo"];

type CompanyRow = typeof simCompanies.$inferSelect;
type ConnectionRow = typeof simConnections.$inferSelect;
type PushRow = typeof simPushOperations.$inferSelect;
type PcRow = typeof simPcs.$inferSelect;

/** How Codat describes the Sage 50 (UK & Ireland) integration; the two ids are the simulator's own. */
const SAGE50_INTEGRATION = {
  integrationKey: "hbql",
  integrationId: "6b2c1b5e-5d0e-4a55-9c9c-5a6a3e5f0050",
  sourceId: "0d4c8a5e-2f5b-4c1e-8a0e-5a6a3e5f0051",
  platformName: "Sage 50 (UK & Ireland)",
  sourceType: "Accounting",
} as const;

export const iso = (d: Date): string => d.toISOString();

/** The connection's link URL opens the simulated PC, where the connector is downloaded and installed. */
function pcPageUrl(appUrl: string, companyId: string): string {
  return `${appUrl}/sim/pc/${companyId}`;
}

export function toCodatConnection(row: ConnectionRow, appUrl: string): CodatConnection {
  return {
    id: row.id,
    integrationId: SAGE50_INTEGRATION.integrationId,
    integrationKey: SAGE50_INTEGRATION.integrationKey,
    sourceId: SAGE50_INTEGRATION.sourceId,
    platformName: SAGE50_INTEGRATION.platformName,
    linkUrl: pcPageUrl(appUrl, row.companyId),
    status: row.status,
    ...(row.lastSync ? { lastSync: iso(row.lastSync) } : {}),
    created: iso(row.createdAt),
    sourceType: SAGE50_INTEGRATION.sourceType,
    dataConnectionErrors: [],
  };
}

export function toCodatCompany(row: CompanyRow, connections: ConnectionRow[], appUrl: string): CodatCompany {
  const syncs = connections.flatMap((c) => (c.lastSync ? [c.lastSync.getTime()] : []));
  return {
    id: row.id,
    name: row.name,
    ...(row.description !== null ? { description: row.description } : {}),
    redirect: pcPageUrl(appUrl, row.id),
    ...(syncs.length > 0 ? { lastSync: iso(new Date(Math.max(...syncs))) } : {}),
    created: iso(row.createdAt),
    products: [],
    ...(row.tags ? { tags: row.tags } : {}),
    referenceSubsidiaryCompanies: [],
    dataConnections: connections.map((c) => toCodatConnection(c, appUrl)),
  };
}

export function toCompanyReference(row: CompanyRow, appUrl: string): CodatCompanyReference {
  return {
    id: row.id,
    name: row.name,
    ...(row.description !== null ? { description: row.description } : {}),
    links: { portal: pcPageUrl(appUrl, row.id) },
    ...(row.tags ? { tags: row.tags } : {}),
  };
}

export function toCodatPushOperation(row: PushRow): CodatPushOperation {
  return {
    ...(row.changes ? { changes: row.changes } : {}),
    dataType: row.dataType,
    companyId: row.companyId,
    pushOperationKey: row.key,
    dataConnectionKey: row.connectionId,
    requestedOnUtc: iso(row.requestedOn),
    ...(row.completedOn ? { completedOnUtc: iso(row.completedOn) } : {}),
    ...(row.timeoutInMinutes !== null ? { timeoutInMinutes: row.timeoutInMinutes } : {}),
    status: row.status,
    ...(row.errorMessage !== null ? { errorMessage: row.errorMessage } : {}),
    validation: row.validation,
    statusCode: row.statusCode,
  };
}

/** Company info as the connector reports it from the Sage 50 data file. */
export function toCompanyInfo(pc: PcRow, company: CompanyRow): CodatCompanyInfo {
  const year = company.createdAt.getUTCMonth() >= 3 ? company.createdAt.getUTCFullYear() : company.createdAt.getUTCFullYear() - 1;
  return {
    companyName: pc.sageCompanyName,
    accountingPlatformRef: pc.dataPath,
    companyLegalName: pc.sageCompanyName,
    addresses: [],
    phoneNumbers: [],
    webLinks: [],
    financialYearStartDate: `${year}-04-01T00:00:00`,
    baseCurrency: pc.baseCurrency,
    sourceUrls: {},
    createdDate: iso(company.createdAt),
  };
}
