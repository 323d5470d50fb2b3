import { randomBytes } from "node:crypto";
import type { SimPushDataType } from "../schema";

/**
 * The record the `n`th write of a stream sends: valid for its data type (Sync for Payables' shapes,
 * as the integrator would send them), or, for a failing write, a supplier Sage 50's rules refuse.
 */
export function streamRecord(dataType: SimPushDataType, n: number, fails: boolean): { dataType: SimPushDataType; body: Record<string, unknown> } {
  if (fails) return { dataType: "suppliers", body: { id: `BAD ${n}`, supplierName: `Stream supplier ${n}` } };
  switch (dataType) {
    case "suppliers":
      return { dataType, body: { id: newSupplierId(), supplierName: `Stream supplier ${n}`, status: "Active" } };
    case "bills":
      return { dataType, body: { issueDate: "2026-03-01T00:00:00Z", status: "Open", subTotal: 100, taxAmount: 20, totalAmount: 120, reference: `WS-${n}` } };
    case "billPayments":
      return { dataType, body: { date: "2026-03-02T00:00:00Z", totalAmount: 120, reference: `WS-${n}` } };
    case "journalEntries":
      return {
        dataType,
        body: {
          description: `Stream entry ${n}`,
          postedOn: "2026-03-03T00:00:00Z",
          journalLines: [
            { netAmount: 50, accountRef: { id: "7100" } },
            { netAmount: -50, accountRef: { id: "2109" } },
          ],
        },
      };
  }
}

/** Whether the `n`th write (from 0) is one of the failing share: exactly floor(total × share) of the first total fail, evenly spread. */
export function isFailingWrite(n: number, failShare: number): boolean {
  return Math.floor((n + 1) * failShare) > Math.floor(n * failShare);
}

/** A fresh Sage 50 account reference: 8 characters, upper case, no spaces (unique in practice). */
function newSupplierId(): string {
  return `S${[...randomBytes(7)].map((b) => (b % 36).toString(36)).join("").toUpperCase()}`;
}
