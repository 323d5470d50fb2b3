import type { PushValidation } from "./types";

/**
 * What Codat documents a failed write saying, copied word for word: the ground truth of the
 * classifier's tests (never the simulator's strings). Each names where it comes from;
 * `lib/codat/oas/documented-messages.test.ts` checks the spec ones against the vendored specs.
 */

/**
 * Codat's Sync for Payables spec (vendored: lib/codat/oas/Codat-Sync-Payables-v1.json), the Sage 50
 * examples of the supplier (and other) push options, `validation.information[].details`.
 */
export const DOCUMENTED_UNSUPPORTED_VERSION_NOTE =
  "Pushing to Sage 50 2015 (v21) or below is not supported. To enable push, please upgrade to at least Sage 50 2016 (v22) and re-sync the company.";

/**
 * Codat docs, "Create, update, and delete data" (docs.codat.io/using-the-api/push), the example
 * response "Account creation with a validation error".
 */
export const DOCUMENTED_VALIDATION_FAILURE: { statusCode: number; errorMessage: string; validation: PushValidation } = {
  statusCode: 400,
  errorMessage:
    "An error occurred in a downstream service. Correlation ID: 72e161a142c17bb5b3e480f873df0b21. Message: Push failed for Account: see validation for more information",
  validation: {
    errors: [
      {
        itemId: "NominalCode",
        message: "Failed to push to Account as NominalCode must not be longer than 10 characters long.",
        validatorName: "Account",
      },
    ],
    warnings: [],
  },
};

/**
 * Made up for these tests: failure messages with no word any pattern knows, as a connector might say
 * something nobody has seen. Not documented anywhere, on purpose.
 */
export const UNFAMILIAR_MESSAGES = [
  "Zorblax frobnication halted at stage 7.",
  "E_0x80040154",
  "Operation could not be completed.",
  "Der Vorgang ist fehlgeschlagen (Fehler 12).",
  "Object reference not set to an instance of an object.",
  "The company data files could not be found at 'C:\\ProgramData\\Sage\\Accounts\\2024\\Company.000'",
] as const;
