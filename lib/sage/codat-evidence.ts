import { z } from "zod";

const MAX_TEXT = 2000;
const MAX_ITEMS = 50;

const text = z.string().max(MAX_TEXT);

const evidenceItemSchema = z.object({
  itemId: text.nullable(),
  message: text.nullable(),
  validatorName: text.nullable(),
});

/**
 * What Codat actually said about one test push or one failed request, kept as evidence for support
 * (`test_pushes.evidence`, and the `evidence` of the timeline event). Only Codat's own words and
 * numbers: never a license key, token or API key (the adapter redacts its key from every text first).
 */
const codatEvidenceSchema = z.object({
  /** What was asked, e.g. "POST /companies/{companyId}/connections/{connectionId}/push/suppliers". */
  request: text.nullable(),
  /** HTTP status of Codat's answer; null when none came (network error, time-out). */
  httpStatus: z.number().int().nullable(),
  /** The push operation's status (Pending, Success, Failed, TimedOut), when there is one. */
  pushStatus: text.nullable(),
  /** `statusCode` from the push operation, or from Codat's error body. */
  statusCode: z.number().int().nullable(),
  /** The push operation's `errorMessage`, or the error body's `error`. */
  errorMessage: text.nullable(),
  validation: z.object({ errors: z.array(evidenceItemSchema).max(MAX_ITEMS), warnings: z.array(evidenceItemSchema).max(MAX_ITEMS) }).nullable(),
  correlationId: text.nullable(),
  canBeRetried: z.boolean().nullable(),
  detailedErrorCode: z.number().int().nullable(),
  /** Our own words when no answer came ("no answer within 10000 ms"); never shown to the client. */
  note: text.nullable(),
});

export type CodatEvidence = z.infer<typeof codatEvidenceSchema>;

/** The stored evidence, or null when the value is missing or not evidence (older rows and events). */
export function readCodatEvidence(value: unknown): CodatEvidence | null {
  const parsed = codatEvidenceSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Cuts texts and lists to the sizes evidence keeps, so a long answer is stored, not refused. */
export function boundedEvidence(evidence: CodatEvidence): CodatEvidence {
  const cut = (value: string | null) => (value === null ? null : value.slice(0, MAX_TEXT));
  const items = (list: z.infer<typeof evidenceItemSchema>[]) =>
    list.slice(0, MAX_ITEMS).map((item) => ({ itemId: cut(item.itemId), message: cut(item.message), validatorName: cut(item.validatorName) }));
  return {
    ...evidence,
    request: cut(evidence.request),
    pushStatus: cut(evidence.pushStatus),
    errorMessage: cut(evidence.errorMessage),
    correlationId: cut(evidence.correlationId),
    note: cut(evidence.note),
    validation: evidence.validation ? { errors: items(evidence.validation.errors), warnings: items(evidence.validation.warnings) } : null,
  };
}
