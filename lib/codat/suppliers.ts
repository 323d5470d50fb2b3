import type { CodatClient } from "./client";
import { CodatError, isCodatError } from "./errors";
import { codatCall, type CallOptions } from "./http";
import { toCodatSupplier, toPushOperation, toSupplierPushOptions } from "./reshape";
import type { CreateSupplierOptions, ExistingSupplier, NewSupplier, PushOperation, SupplierPushOptions } from "./types";

/** What the connection's integration accepts in a supplier record (for Sage 50: lengths, required fields). */
export async function getSupplierPushOptions(
  client: CodatClient,
  companyId: string,
  connectionId: string,
  callOptions: CallOptions = {},
): Promise<SupplierPushOptions> {
  const options = await codatCall(
    client,
    (api, o) =>
      api.payables.GET("/companies/{companyId}/connections/{connectionId}/options/suppliers", {
        ...o,
        params: { path: { companyId, connectionId } },
      }),
    callOptions,
  );
  return toSupplierPushOptions(options);
}

/**
 * Asks Codat to create the supplier in Sage 50. Codat answers at once with a push operation (usually
 * Pending); the connector does the write later. Not retried on a timeout: see http.ts.
 */
export async function createSupplier(
  client: CodatClient,
  companyId: string,
  connectionId: string,
  supplier: NewSupplier,
  options: CreateSupplierOptions,
): Promise<PushOperation> {
  const { timeoutInMinutes } = options;
  if (!Number.isInteger(timeoutInMinutes) || timeoutInMinutes < 1) {
    throw new CodatError("validation", { detail: "timeoutInMinutes must be a whole number of minutes, 1 or more" });
  }
  const op = await codatCall(client, (api, o) =>
    api.payables.POST("/companies/{companyId}/connections/{connectionId}/push/suppliers", {
      ...o,
      params: { path: { companyId, connectionId }, query: { timeoutInMinutes } },
      body: toCodatSupplier(supplier),
    }),
  );
  return toPushOperation(op);
}

/**
 * The supplier with this id as Codat has it (`GET /companies/{companyId}/data/suppliers/{supplierId}`),
 * or null when Codat has none. Codat answers from the company's data as last read from Sage 50.
 */
export async function findSupplier(client: CodatClient, companyId: string, supplierId: string): Promise<ExistingSupplier | null> {
  try {
    const supplier = await codatCall(client, (api, o) =>
      api.payables.GET("/companies/{companyId}/data/suppliers/{supplierId}", {
        ...o,
        params: { path: { companyId, supplierId } },
      }),
    );
    return { id: supplier.id ?? supplierId, supplierName: supplier.supplierName ?? null };
  } catch (err) {
    if (isCodatError(err) && err.status === 404) return null;
    throw err;
  }
}
