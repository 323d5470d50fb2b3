import type { CodatClient } from "./client";
import { codatCall } from "./http";
import { toCompanyInfo } from "./reshape";
import type { CompanyInfo } from "./types";

/** The company's name and base currency as last read from Sage 50. */
export async function getCompanyInfo(client: CodatClient, companyId: string): Promise<CompanyInfo> {
  const info = await codatCall(client, (api, o) =>
    api.payables.GET("/companies/{companyId}/data/info", { ...o, params: { path: { companyId } } }),
  );
  return toCompanyInfo(info);
}
