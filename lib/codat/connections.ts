import type { CodatClient } from "./client";
import { codatFetch } from "./http";
import { toConnection, toPage } from "./reshape";
import { SAGE50_PLATFORM_KEY, type CodatConnection, type CodatPage, type PageRequest } from "./types";

const FIRST_PAGE: PageRequest = { page: 1, pageSize: 100 };

/** Creates a Sage 50 (UK & IE) connection; it starts PendingAuth, and its linkUrl leads to the connector. */
export async function createSage50Connection(client: CodatClient, companyId: string): Promise<CodatConnection> {
  const connection = await codatFetch(client, {
    spec: "platform",
    method: "post",
    path: "/companies/{companyId}/connections",
    params: { companyId },
    body: { platformKey: SAGE50_PLATFORM_KEY },
  });
  return toConnection(connection);
}

export async function listConnections(
  client: CodatClient,
  companyId: string,
  request: PageRequest = FIRST_PAGE,
): Promise<CodatPage<CodatConnection>> {
  const page = await codatFetch(client, {
    spec: "platform",
    method: "get",
    path: "/companies/{companyId}/connections",
    params: { companyId },
    query: { page: request.page, pageSize: request.pageSize },
  });
  return toPage(page, toConnection);
}

export async function getConnection(
  client: CodatClient,
  companyId: string,
  connectionId: string,
): Promise<CodatConnection> {
  const connection = await codatFetch(client, {
    spec: "platform",
    method: "get",
    path: "/companies/{companyId}/connections/{connectionId}",
    params: { companyId, connectionId },
  });
  return toConnection(connection);
}

/** Sets the connection to Unlinked (Codat keeps it, and its data, but stops using it). */
export async function unlinkConnection(
  client: CodatClient,
  companyId: string,
  connectionId: string,
): Promise<CodatConnection> {
  const connection = await codatFetch(client, {
    spec: "platform",
    method: "patch",
    path: "/companies/{companyId}/connections/{connectionId}",
    params: { companyId, connectionId },
    body: { status: "Unlinked" },
  });
  return toConnection(connection);
}
