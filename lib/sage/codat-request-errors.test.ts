import { describe, expect, it } from "vitest";
import { describeDiagnosis } from "./diagnosis-copy";
import { REQUEST_ERROR_CODES, requestErrorAnswer, requestErrorCode, type RequestErrorCode } from "./codat-request-errors";

const OUTAGE_WORDS = /not answering|did not answer|could not reach|outage|unavailable|is down/i;

describe("requestErrorCode: one meaning per answer from Codat", () => {
  it.each<[number | null, boolean, RequestErrorCode]>([
    [400, true, "invalid_test_record"],
    [400, false, "codat_bad_request"],
    [422, true, "invalid_test_record"],
    [401, false, "codat_auth_failed"],
    [403, false, "codat_auth_failed"],
    [402, false, "codat_auth_failed"],
    [451, false, "codat_bad_request"],
    [404, false, "codat_not_found"],
    [409, false, "codat_conflict"],
    [429, false, "rate_limited"],
    [500, false, "codat_unavailable"],
    [503, false, "codat_unavailable"],
    [null, false, "codat_unavailable"],
    [200, false, "codat_unavailable"],
  ])("HTTP %s (validation %s) → %s", (status, hasValidationErrors, code) => {
    expect(requestErrorCode({ status, hasValidationErrors })).toBe(code);
  });

  it.each([400, 401, 403, 404, 405, 409, 413, 422, 429])("never calls a %s an outage, in the answer or the diagnosis", (status) => {
    for (const hasValidationErrors of [false, true]) {
      const code = requestErrorCode({ status, hasValidationErrors });
      expect(code).not.toBe("codat_unavailable");
      expect(requestErrorAnswer(code).message).not.toMatch(OUTAGE_WORDS);
      const words = describeDiagnosis(code, {
        flow: "new",
        pushUsername: null,
        everydayUsernames: [],
        connectionStatus: "Linked",
        pushWaited: null,
        lastSyncAge: null,
        lastSyncRecent: false,
        errorMessage: null,
        namedLogin: null,
        validationMessages: [],
        statusCode: status,
      });
      expect([words.title, words.explanation, ...words.clientSteps].join(" ")).not.toMatch(OUTAGE_WORDS);
    }
  });

  it("gives every code an answer; only waiting-codes carry Retry-After", () => {
    for (const code of REQUEST_ERROR_CODES) {
      const answer = requestErrorAnswer(code);
      expect(answer.message.length).toBeGreaterThan(20);
      expect(answer.retryAfterSeconds !== null).toBe(code === "rate_limited" || code === "codat_unavailable");
    }
    expect(requestErrorAnswer("rate_limited", 7).retryAfterSeconds).toBe(7);
    expect(requestErrorAnswer("codat_auth_failed", 7).retryAfterSeconds).toBeNull();
  });

  it("tells the client support has been alerted when our Codat key is refused, with no PC advice", () => {
    const answer = requestErrorAnswer("codat_auth_failed");
    expect(answer.message).toMatch(/support has been alerted/i);
    expect(answer.message).not.toMatch(/restart|antivirus|wake|switch on/i);
  });
});
