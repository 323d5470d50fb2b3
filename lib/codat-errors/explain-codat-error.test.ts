import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCodatClient } from "@/lib/codat/client";
import { getCompany } from "@/lib/codat/companies";
import { CodatError } from "@/lib/codat/errors";
import { DEFAULT_SPEC_DIR } from "@/lib/codat/openapi-validator";
import { createSupplier } from "@/lib/codat/suppliers";
import { errorBody, IDS } from "@/lib/codat/testing/codat-fixtures";
import { startFakeCodatServer, type FakeCodatServer } from "@/lib/codat/testing/fake-codat-server";
import type { RequestErrorCode } from "@/lib/sage/codat-request-errors";
import { appErrorForCodat, codatErrorCode, codatErrorEvidence } from "./explain-codat-error";

const API_KEY = "sk_test_errors_0123456789";
const OUTAGE_WORDS = /not answering|did not answer|could not reach|outage|unavailable/i;

/** Codat's documented error examples, from the vendored Platform spec's shared responses. */
type SpecResponses = Record<string, { content?: { "application/json"?: { examples?: Record<string, { value?: unknown }> } } }>;
const spec = JSON.parse(readFileSync(path.join(DEFAULT_SPEC_DIR, "Codat-Platform.json"), "utf8")) as { components: { responses: SpecResponses } };
function documentedExample(response: string): Record<string, unknown> {
  const examples = spec.components.responses[response]?.content?.["application/json"]?.examples ?? {};
  const first = Object.values(examples)[0]?.value;
  if (!first || typeof first !== "object") throw new Error(`no example for ${response}`);
  return first as Record<string, unknown>;
}

let server: FakeCodatServer;
beforeEach(async () => {
  server = await startFakeCodatServer();
});
afterEach(async () => {
  await server.close();
});

const client = () =>
  createCodatClient({ baseUrl: server.url, apiKey: API_KEY, maxAttempts: 2, baseDelayMs: 1, timeoutMs: 500, sleep: async () => undefined });

async function failure(promise: Promise<unknown>): Promise<CodatError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(CodatError);
  return err as CodatError;
}

const pushSupplier = () =>
  createSupplier(client(), IDS.company, IDS.connection, { id: "TEST0001", supplierName: "Test", contactName: "Test", address: { line1: "Test" } }, { timeoutInMinutes: 5 });

const validationBody = errorBody({
  statusCode: 400,
  error: "Error processing request - not valid.",
  validation: { errors: [{ itemId: "id", message: "Supplier id must be 8 characters or fewer.", validatorName: "Supplier" }], warnings: [] },
});

const CASES: [string, number, Record<string, unknown>, RequestErrorCode, number][] = [
  ["400 with validation", 400, validationBody, "invalid_test_record", 502],
  ["400 without validation (spec example)", 400, documentedExample("Bad-Request"), "codat_bad_request", 502],
  ["401 (spec example)", 401, documentedExample("Unauthorized"), "codat_auth_failed", 502],
  ["403 (spec example)", 403, documentedExample("Forbidden"), "codat_auth_failed", 502],
  ["404 (spec example)", 404, documentedExample("Not-Found"), "codat_not_found", 502],
  ["409", 409, errorBody({ statusCode: 409, error: "The data set has not been requested." }), "codat_conflict", 409],
  ["429 (spec example)", 429, documentedExample("Too-Many-Requests"), "rate_limited", 429],
  ["500 (spec example)", 500, documentedExample("Internal-Server-Error"), "codat_unavailable", 503],
  ["503 (spec example)", 503, documentedExample("Service-Unavailable"), "codat_unavailable", 503],
];

describe("Codat request errors through the adapter, by meaning", () => {
  it.each(CASES)("%s → %s", async (_name, status, body, code, httpStatus) => {
    for (const call of [() => getCompany(client(), IDS.company), pushSupplier]) {
      server.replies({ status, body });
      const err = await failure(call());
      expect(codatErrorCode(err)).toBe(code);
      const answer = appErrorForCodat(err);
      expect(answer.code).toBe(code);
      expect(answer.status).toBe(httpStatus);
      if (status < 500) expect(answer.message).not.toMatch(OUTAGE_WORDS);

      const evidence = codatErrorEvidence(err, { hide: [IDS.company] });
      expect(evidence).toMatchObject({ httpStatus: status, statusCode: status, correlationId: body.correlationId });
      expect(evidence.errorMessage).toBe(typeof body.error === "string" ? body.error.replaceAll(IDS.company, "[redacted]") : null);
      expect(evidence.request).toMatch(/^(GET|POST) \/companies\/\{companyId\}/);
      const text = JSON.stringify(evidence);
      expect(text).not.toContain(IDS.company);
      expect(text).not.toContain(API_KEY);
    }
  });

  it("keeps Codat's validation items and canBeRetried", async () => {
    server.replies({ status: 400, body: { ...validationBody, canBeRetried: "True" } });
    const evidence = codatErrorEvidence(await failure(pushSupplier()));
    expect(evidence.validation?.errors).toEqual([{ itemId: "id", message: "Supplier id must be 8 characters or fewer.", validatorName: "Supplier" }]);
    expect(evidence.canBeRetried).toBe(true);
  });

  it("calls no answer at all (network error, time-out) Codat being unavailable", async () => {
    server.replies({ action: "destroy" });
    const dropped = await failure(getCompany(client(), IDS.company));
    expect(codatErrorCode(dropped)).toBe("codat_unavailable");
    expect(codatErrorEvidence(dropped, { hide: [IDS.company] })).toMatchObject({ httpStatus: null, statusCode: null });
    expect(JSON.stringify(codatErrorEvidence(dropped, { hide: [IDS.company] }))).not.toContain(IDS.company);

    server.replies({ action: "hang" });
    const slow = await failure(getCompany(client(), IDS.company));
    expect(codatErrorCode(slow)).toBe("codat_unavailable");
    expect(appErrorForCodat(slow)).toMatchObject({ code: "codat_unavailable", status: 503 });
  });

  it("never keeps the API key, even when Codat echoes it", async () => {
    server.replies({ status: 401, body: errorBody({ statusCode: 401, error: `Key ${API_KEY} is not valid` }) });
    const evidence = codatErrorEvidence(await failure(getCompany(client(), IDS.company)));
    expect(JSON.stringify(evidence)).not.toContain(API_KEY);
  });
});
