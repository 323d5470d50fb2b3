import { and, eq } from "drizzle-orm";
import { simSuppliers } from "../schema";
import { json, param, type CodatCall } from "./codat-call";
import { codatErrors } from "./codat-errors";
import { requireCompany } from "./companies-handlers";

/**
 * Get supplier (`GET /companies/{companyId}/data/suppliers/{supplierId}`): a supplier the simulated
 * Sage 50 holds, as the Supplier record it was written with. Sage 50's account references are upper
 * case, so the id is matched that way.
 */
export async function getSupplier(call: CodatCall): Promise<Response> {
  const company = await requireCompany(call);
  const id = param(call, "supplierId").toUpperCase();
  const [row] = await call.ctx.db
    .select()
    .from(simSuppliers)
    .where(and(eq(simSuppliers.companyId, company.id), eq(simSuppliers.id, id)))
    .limit(1);
  if (!row) throw codatErrors.supplierNotFound(param(call, "supplierId"));
  return json({ ...row.body, id: row.id, supplierName: row.name, status: "Active", metadata: { isDeleted: false } });
}
