import type { CodatClient } from "./client";
import { CodatError } from "./errors";
import { codatCall } from "./http";
import { toCompanyRef, toPage } from "./reshape";
import type { CodatCompanyRef, CodatPage, PageRequest } from "./types";

/** Characters Codat keeps in a company name; it silently drops any other (see the spec's `name` pattern). */
const FORBIDDEN_NAME_CHARACTERS = /[^A-Za-z0-9\s\-',&@.?!]/g;

/**
 * The name Codat will store for `name`: forbidden characters removed, spaces tidied. Sending this
 * instead of the raw name keeps our records equal to Codat's and the request within the spec.
 */
export function toCodatCompanyName(name: string): string {
  return name.replace(FORBIDDEN_NAME_CHARACTERS, "").replace(/\s+/g, " ").trim();
}

export async function createCompany(
  client: CodatClient,
  input: { name: string; description?: string },
): Promise<CodatCompanyRef> {
  const name = toCodatCompanyName(input.name);
  if (name === "") {
    throw new CodatError("validation", { detail: "Company name has no character Codat accepts" });
  }
  const body = input.description === undefined ? { name } : { name, description: input.description };
  const company = await codatCall(client, (api, o) => api.platform.POST("/companies", { ...o, body }));
  return toCompanyRef(company);
}

export async function getCompany(client: CodatClient, companyId: string): Promise<CodatCompanyRef> {
  const company = await codatCall(client, (api, o) =>
    api.platform.GET("/companies/{companyId}", { ...o, params: { path: { companyId } } }),
  );
  return toCompanyRef(company);
}

export async function listCompanies(
  client: CodatClient,
  request: PageRequest & { query?: string },
): Promise<CodatPage<CodatCompanyRef>> {
  const page = await codatCall(client, (api, o) =>
    api.platform.GET("/companies", {
      ...o,
      params: { query: { page: request.page, pageSize: request.pageSize, query: request.query } },
    }),
  );
  return toPage(page, toCompanyRef);
}
