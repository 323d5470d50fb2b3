import type { DiagnosisCode } from "./diagnosis-codes";

/**
 * What a failed request to Codat means, decided once for every call the product makes (test push,
 * its refresh, setup creation, connection checks, import, company info…), from what Codat answered:
 * the HTTP status (null when no answer came: network error or time-out) and whether its error body
 * listed validation errors (Codat's `ErrorMessage.validation`).
 *
 * Only 5xx, no answer at all, or an answer we cannot read mean "Codat is not answering"; a 4xx is
 * always something on our side (key, record, company) and is never called an outage.
 */
export const REQUEST_ERROR_CODES = [
  "invalid_test_record",
  "codat_bad_request",
  "codat_auth_failed",
  "codat_not_found",
  "codat_conflict",
  "rate_limited",
  "codat_unavailable",
] as const satisfies readonly DiagnosisCode[];

export type RequestErrorCode = (typeof REQUEST_ERROR_CODES)[number];

export type RequestErrorFacts = {
  /** The HTTP status Codat answered with, or null when no answer came. */
  status: number | null;
  /** True when Codat's error body listed at least one validation error. */
  hasValidationErrors: boolean;
};

/** The one mapping from a failed Codat request to what it means. */
export function requestErrorCode(facts: RequestErrorFacts): RequestErrorCode {
  const { status } = facts;
  if (status === null || status >= 500) return "codat_unavailable";
  // 402: the integrator's Codat plan refused it (a company limit, say): as much support's matter as a key.
  if (status === 401 || status === 402 || status === 403) return "codat_auth_failed";
  if (status === 404) return "codat_not_found";
  if (status === 409) return "codat_conflict";
  if (status === 429) return "rate_limited";
  if (status >= 400) return facts.hasValidationErrors ? "invalid_test_record" : "codat_bad_request";
  // A 1xx-3xx "failure" is an answer we could not read (not JSON, cut short): treated as an outage.
  return "codat_unavailable";
}

/** How our own API answers a request that failed because of Codat: status, and words for people. */
export type RequestErrorAnswer = {
  /** The `error.code` of our API's answer. */
  code: RequestErrorCode;
  httpStatus: number;
  message: string;
  /** Seconds to send as Retry-After, when waiting is the whole fix. */
  retryAfterSeconds: number | null;
};

const ANSWERS: Record<RequestErrorCode, Omit<RequestErrorAnswer, "code">> = {
  invalid_test_record: {
    httpStatus: 502,
    message: "Codat did not accept the details we sent. This is a fault on our side, and support can see what Codat said.",
    retryAfterSeconds: null,
  },
  codat_bad_request: {
    httpStatus: 502,
    message: "Codat refused our request. This is a fault on our side, and support can see what Codat said.",
    retryAfterSeconds: null,
  },
  codat_auth_failed: {
    httpStatus: 502,
    message: "Our access to Codat was refused. Support has been alerted and will fix it; there is nothing to change on your side.",
    retryAfterSeconds: null,
  },
  codat_not_found: {
    httpStatus: 502,
    message: "Codat no longer has this company or its connection. Support needs to check the setup before it can continue.",
    retryAfterSeconds: null,
  },
  codat_conflict: {
    httpStatus: 409,
    message: "Codat could not do this yet because of the state the company is in. Try again shortly; if it keeps happening, contact support.",
    retryAfterSeconds: null,
  },
  rate_limited: {
    httpStatus: 429,
    message: "Codat asked us to slow down for a moment. Nothing is lost: try again in a minute.",
    retryAfterSeconds: 60,
  },
  codat_unavailable: {
    httpStatus: 503,
    message: "Codat is not answering right now. Nothing is lost: try again in a minute.",
    retryAfterSeconds: 30,
  },
};

export function requestErrorAnswer(code: RequestErrorCode, retryAfterSeconds?: number | null): RequestErrorAnswer {
  const answer = ANSWERS[code];
  return { code, ...answer, retryAfterSeconds: answer.retryAfterSeconds === null ? null : (retryAfterSeconds ?? answer.retryAfterSeconds) };
}
