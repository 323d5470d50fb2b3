import type { RequestErrorCode } from "./codat-request-errors";
import { errorLine, sentence, type DiagnosisWriter } from "./diagnosis-words";

/** The words for a request to Codat that failed before the connector was reached (codat-request-errors.ts). */
export const REQUEST_ERROR_WRITERS: Record<RequestErrorCode, DiagnosisWriter> = {
  invalid_test_record: (ctx) => ({
    severity: "error",
    title: "Our test record was rejected",
    explanation:
      "Codat refused the test supplier we built before it reached Sage 50. " +
      "This is a fault in our product, not in your setup.",
    clientSteps: ["There is nothing to change on your side. Contact support and mention this message."],
    supportChecks: [
      sentence(`Validation errors: ${ctx.validationMessages.join("; ") || "(none listed)"}`),
      "This is a product bug: the test supplier broke a Sage 50 rule. Report it to the product team with the push operation key.",
    ],
    retryable: false,
  }),

  codat_unavailable: (ctx) => ({
    severity: "warning",
    title: "Codat is not answering",
    explanation:
      "We could not reach Codat, the service that passes data to your connector. " +
      "Nothing is wrong with your PC or with Sage 50.",
    clientSteps: ["Nothing to do on your side. Try the test push again in a few minutes."],
    supportChecks: [
      ctx.statusCode ? `Codat answered with HTTP ${ctx.statusCode}.` : "Codat did not answer (network error or outage).",
      "Check Codat's status page for an incident, then retry later.",
    ],
    retryable: true,
  }),

  codat_auth_failed: (ctx) => ({
    severity: "error",
    title: "Support has been alerted",
    explanation:
      "Codat, the service that passes data to your connector, refused our access. This is on our side: " +
      "support has been alerted and will put it right. Nothing is wrong with your PC or with Sage 50.",
    clientSteps: ["There is nothing to change on your side. Support will tell you when to run the test push again."],
    supportChecks: [
      `Codat answered HTTP ${ctx.statusCode ?? "401 or 403"}: the integrator's Codat API key was refused, lacks the permission for this call, or the Codat plan's limits were reached.`,
      "Check the API key in the app's configuration and its permissions in Codat's portal, then run the test push again.",
      errorLine(ctx),
    ],
    retryable: false,
  }),

  codat_not_found: (ctx) => ({
    severity: "error",
    title: "The company is missing at Codat",
    explanation:
      "Codat no longer knows this company or its Sage 50 connection, so nothing can be sent to your Sage 50 PC. " +
      "Support needs to check the setup; there is nothing to change on your PC.",
    clientSteps: ["Contact support: they will check the setup and, if needed, send you a new setup link."],
    supportChecks: [
      `Codat answered HTTP ${ctx.statusCode ?? 404}: the company or the connection was deleted at Codat.`,
      "Check the company in Codat's portal; relink the connection or recreate the setup.",
      errorLine(ctx),
    ],
    retryable: false,
  }),

  codat_conflict: (ctx) => ({
    severity: "warning",
    title: "Codat could not do this yet",
    explanation:
      "Codat refused the request because of the state the company is in at the moment, for example while it is still being set up. " +
      "Nothing is wrong with your PC or with Sage 50.",
    clientSteps: ["Wait a few minutes, then run the test push again.", "If it keeps happening, contact support."],
    supportChecks: [
      `Codat answered HTTP ${ctx.statusCode ?? 409} (conflict).`,
      errorLine(ctx),
      "Check the company and its connection in Codat's portal for an operation still in progress.",
    ],
    retryable: true,
  }),

  codat_bad_request: (ctx) => ({
    severity: "error",
    title: "Codat refused our request",
    explanation:
      "Codat refused a request we sent before anything reached Sage 50. This is a fault in our product, not in your setup.",
    clientSteps: ["There is nothing to change on your side. Contact support and mention this message."],
    supportChecks: [
      `Codat answered HTTP ${ctx.statusCode ?? "4xx"} without validation errors.`,
      errorLine(ctx),
      "This is a product bug: report it to the product team with Codat's correlation ID.",
    ],
    retryable: false,
  }),

  rate_limited: () => ({
    severity: "warning",
    title: "Too many requests just now",
    explanation:
      "Codat asked us to slow down because too many requests arrived in a short time. Nothing is wrong with your setup.",
    clientSteps: ["Wait a minute, then run the test push again."],
    supportChecks: [
      "Codat answered HTTP 429 (rate limit).",
      "Check whether something else is sending many requests with the same API key.",
    ],
    retryable: true,
  }),
};
