import type { CodatClient } from "./client";
import { codatFetch } from "./http";
import { toPage, toPushOperation } from "./reshape";
import type { CodatPage, PageRequest, PushOperation } from "./types";

export async function getPushOperation(
  client: CodatClient,
  companyId: string,
  pushOperationKey: string,
): Promise<PushOperation> {
  const op = await codatFetch(client, {
    spec: "platform",
    method: "get",
    path: "/companies/{companyId}/push/{pushOperationKey}",
    params: { companyId, pushOperationKey },
  });
  return toPushOperation(op);
}

/** The company's push history. `query` and `orderBy` use Codat's query language (e.g. orderBy "-requestedOnUtc"). */
export async function listPushOperations(
  client: CodatClient,
  companyId: string,
  request: PageRequest & { query?: string; orderBy?: string },
): Promise<CodatPage<PushOperation>> {
  const page = await codatFetch(client, {
    spec: "platform",
    method: "get",
    path: "/companies/{companyId}/push",
    params: { companyId },
    query: { page: request.page, pageSize: request.pageSize, query: request.query, orderBy: request.orderBy },
  });
  return toPage(page, toPushOperation);
}
