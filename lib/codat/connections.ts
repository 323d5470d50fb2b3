import type { CodatClient } from "./client";
import { codatCall } from "./http";
import { toConnection, toPage } from "./reshape";
import { SAGE50_PLATFORM_KEY, type CodatConnection, type CodatPage, type PageRequest } from "./types";

const FIRST_PAGE: PageRequest = { page: 1, pageSize: 100 };

/** Creates a Sage 50 (UK & IE) connection; it starts PendingAuth, and its linkUrl leads to the connector. */
export async function createSage50Connection(client: CodatClient, companyId: string): Promise<CodatConnection> {
  const connection = await codatCall(client, (api, o) =>
    api.platform.POST("/companies/{companyId}/connections", {
      ...o,
      params: { path: { companyId } },
      body: { platformKey: SAGE50_PLATFORM_KEY },
    }),
  );
  return toConnection(connection);
}

export async function listConnections(
  client: CodatClient,
  companyId: string,
  request: PageRequest = FIRST_PAGE,
): Promise<CodatPage<CodatConnection>> {
  const page = await codatCall(client, (api, o) =>
    api.platform.GET("/companies/{companyId}/connections", {
      ...o,
      params: { path: { companyId }, query: { page: request.page, pageSize: request.pageSize } },
    }),
  );
  return toPage(page, toConnection);
}

export async function getConnection(
  client: CodatClient,
  companyId: string,
  connectionId: string,
): Promise<CodatConnection> {
  const connection = await codatCall(client, (api, o) =>
    api.platform.GET("/companies/{companyId}/connections/{connectionId}", {
      ...o,
      params: { path: { companyId, connectionId } },
    }),
  );
  return toConnection(connection);
}

/** Sets the connection to Unlinked (Codat keeps it, and its data, but stops using it). */
export async function unlinkConnection(
  client: CodatClient,
  companyId: string,
  connectionId: string,
): Promise<CodatConnection> {
  const connection = await codatCall(client, (api, o) =>
    api.platform.PATCH("/companies/{companyId}/connections/{connectionId}", {
      ...o,
      params: { path: { companyId, connectionId } },
      body: { status: "Unlinked" },
    }),
  );
  return toConnection(connection);
}
