import { randomUUID } from "node:crypto";
import { createCodatClient } from "@/lib/codat/client";
import type { WriteEvent } from "@/lib/codat/webhooks";
import type { CompanyRow } from "@/lib/db/queries/companies";

/** A Codat client that reaches nothing: a failed write is diagnosed from its webhook alone. */
export const offlineCodat = createCodatClient({ baseUrl: "http://127.0.0.1:9/codat", apiKey: "unused", maxAttempts: 1 });

/** Codat's `{dataType}.write.*` webhook for the company's push operation `key` (bills unless told). */
export function writeEvent(
  company: Pick<CompanyRow, "codatCompanyId" | "codatConnectionId">,
  key: string,
  status: "Success" | "Failed" | "Pending",
  opts: { id?: string; dataType?: string; completed?: Date } = {},
): WriteEvent {
  const dataType = opts.dataType ?? "bills";
  const completed = opts.completed ?? new Date();
  return {
    id: opts.id ?? `msg_${randomUUID()}`,
    generatedDate: completed.toISOString(),
    type: `${dataType}.write.${status === "Success" ? "successful" : "unsuccessful"}`,
    dataType,
    successful: status === "Success",
    payload: {
      id: key,
      referenceCompany: { id: company.codatCompanyId },
      connectionId: company.codatConnectionId!,
      status,
      requestedOnDate: new Date(completed.getTime() - 1000).toISOString(),
      ...(status === "Pending" ? {} : { completedOnDate: completed.toISOString() }),
    },
  };
}
