import type { CodatClient } from "./client";
import { codatFetch } from "./http";
import { toCompanyInfo } from "./reshape";
import type { CompanyInfo } from "./types";

/** The company's name and base currency as last read from Sage 50. */
export async function getCompanyInfo(client: CodatClient, companyId: string): Promise<CompanyInfo> {
  const info = await codatFetch(client, {
    spec: "payables",
    method: "get",
    path: "/companies/{companyId}/data/info",
    params: { companyId },
  });
  return toCompanyInfo(info);
}
