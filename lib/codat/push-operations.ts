import type { CodatClient } from "./client";
import { codatCall } from "./http";
import { toPage, toPushOperation } from "./reshape";
import type { CodatPage, PageRequest, PushOperation } from "./types";

export async function getPushOperation(
  client: CodatClient,
  companyId: string,
  pushOperationKey: string,
): Promise<PushOperation> {
  const op = await codatCall(client, (api, o) =>
    api.platform.GET("/companies/{companyId}/push/{pushOperationKey}", {
      ...o,
      params: { path: { companyId, pushOperationKey } },
    }),
  );
  return toPushOperation(op);
}

/** The company's push history. `query` and `orderBy` use Codat's query language (e.g. orderBy "-requestedOnUtc"). */
export async function listPushOperations(
  client: CodatClient,
  companyId: string,
  request: PageRequest & { query?: string; orderBy?: string },
): Promise<CodatPage<PushOperation>> {
  const page = await codatCall(client, (api, o) =>
    api.platform.GET("/companies/{companyId}/push", {
      ...o,
      params: {
        path: { companyId },
        query: { page: request.page, pageSize: request.pageSize, query: request.query, orderBy: request.orderBy },
      },
    }),
  );
  return toPage(page, toPushOperation);
}
