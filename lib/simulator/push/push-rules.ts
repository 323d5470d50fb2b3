import { ASSUMED_CONNECTOR_MESSAGES } from "@/lib/sage/assumed-connector-behaviour";
import { checkSupplierAgainstSage50Rules } from "@/lib/sage/test-supplier";
import type { SimVariants } from "../config";
import type { SimPushDataType, SimSageUserType, SimValidation, SimValidationItem } from "../schema";
import { UNFAMILIAR_CONNECTOR_MESSAGES } from "./unfamiliar-messages";

/**
 * Pure decisions about one push operation: when the connector takes it, and what Sage 50 answers.
 * Status codes Codat does not publish are *assumed* and kept here only; the connector's messages come from
 * lib/sage/assumed-connector-behaviour.ts (assumed wordings, and the documented note on old versions),
 * or, under the `connectorMessages: "unfamiliar"` variant, from unfamiliar-messages.ts.
 */

/** Pushing needs Sage 50 2016 (v22) or later. */
export const MIN_PUSH_SAGE_VERSION = 22;

export const PUSH_STATUS_CODES = {
  pending: 202,
  success: 200,
  validationFailed: 400,
  versionUnsupported: 400,
  loginInUse: 500,
  accessDenied: 500,
  timedOut: 504,
  loginRejected: 500,
} as const;

const VALIDATION_FAILED_MESSAGE = "Push failed for Supplier: see validation for more information.";

export const emptyValidation = (): SimValidation => ({ errors: [], warnings: [] });

export type PushTimingInput = {
  requestedOn: Date;
  timeoutInMinutes: number | null;
  minuteMs: number;
  processingDelayMs: number;
  /** Start of the connector's current unbroken availability, or null when it is unavailable. */
  availableSince: Date | null;
  connectionLinked: boolean;
  now: Date;
};

export type PushTiming = { kind: "process" } | { kind: "time_out"; at: Date } | { kind: "wait" };

/**
 * The connector picks an operation up once it has been available for the processing delay after the
 * request. An operation it could have taken before its deadline is processed even if nobody looked
 * until later; one it could not take in time times out at its deadline.
 */
export function decidePushTiming(input: PushTimingInput): PushTiming {
  const deadline =
    input.timeoutInMinutes === null
      ? null
      : new Date(input.requestedOn.getTime() + input.timeoutInMinutes * input.minuteMs);
  if (input.availableSince !== null && input.connectionLinked) {
    const readyAt = Math.max(input.requestedOn.getTime() + input.processingDelayMs, input.availableSince.getTime());
    if (readyAt <= input.now.getTime() && (deadline === null || readyAt <= deadline.getTime())) {
      return { kind: "process" };
    }
  }
  if (deadline !== null && input.now.getTime() >= deadline.getTime()) return { kind: "time_out", at: deadline };
  return { kind: "wait" };
}

export type PushOutcomeInput = {
  sageVersion: number;
  /** What is written; only suppliers are checked against Sage 50's record rules (default: suppliers). */
  dataType?: SimPushDataType;
  /** The supplier body as pushed. */
  supplier: unknown;
  /** Account references already in the Sage 50 data file. */
  existingSupplierIds: readonly string[];
  /** The user the connector logs in as (null if that user no longer exists). */
  connectorUser: { name: string; key: string; userType: SimSageUserType } | null;
  savedUsername: string;
  /** Keys of the users who have Sage 50 open now. */
  loggedInKeys: ReadonlySet<string>;
  /** How the assumed behaviours are played (the simulator's `variants`). */
  variants: SimVariants;
  /** False when the connector's saved login no longer opens Sage 50 (password changed, user deleted). */
  connectorLoginWorks?: boolean;
};

export type PushOutcome =
  | { status: "Success"; statusCode: number }
  | { status: "Failed"; statusCode: number; errorMessage: string; validation: SimValidation }
  /** The connector waits for the login to be free: the operation stays Pending (until it times out). */
  | { status: "Pending" };

/**
 * In order: Sage version, the connector's saved login, the record against Sage 50's rules (duplicates
 * too), a concurrent login, the user's rights. Under `concurrentLogin: "pending"` a clash leaves the
 * operation Pending instead.
 */
export function decidePushOutcome(input: PushOutcomeInput): PushOutcome {
  const messages = input.variants.connectorMessages === "unfamiliar" ? UNFAMILIAR_CONNECTOR_MESSAGES : ASSUMED_CONNECTOR_MESSAGES;
  if (input.sageVersion < MIN_PUSH_SAGE_VERSION) {
    return failed(PUSH_STATUS_CODES.versionUnsupported, messages.versionUnsupported());
  }
  if (input.connectorLoginWorks === false) {
    return failed(PUSH_STATUS_CODES.loginRejected, messages.loginRejected(input.savedUsername));
  }
  const isSupplier = (input.dataType ?? "suppliers") === "suppliers";
  const errors: SimValidationItem[] = (isSupplier ? checkSupplierAgainstSage50Rules(input.supplier, { existingSupplierIds: input.existingSupplierIds }) : []).map(({ itemId, message, validatorName }) => ({ itemId, message, validatorName }));
  if (errors.length > 0) {
    return {
      status: "Failed",
      statusCode: PUSH_STATUS_CODES.validationFailed,
      errorMessage: VALIDATION_FAILED_MESSAGE,
      validation: { errors, warnings: [] },
    };
  }
  const user = input.connectorUser;
  if (user !== null && input.loggedInKeys.has(user.key)) {
    if (input.variants.concurrentLogin === "pending") return { status: "Pending" };
    return failed(PUSH_STATUS_CODES.loginInUse, messages.loginInUse(user.name));
  }
  if (user === null || user.userType !== "Administrator") {
    return failed(PUSH_STATUS_CODES.accessDenied, messages.accessDenied(user?.name ?? input.savedUsername));
  }
  return { status: "Success", statusCode: PUSH_STATUS_CODES.success };
}

function failed(statusCode: number, errorMessage: string): PushOutcome {
  return { status: "Failed", statusCode, errorMessage, validation: emptyValidation() };
}

/** The Sage 50 account reference of a supplier that passed the rules (so already upper case). */
export function supplierIdOf(body: Record<string, unknown>): string | null {
  return typeof body.id === "string" && body.id.trim().length > 0 ? body.id.trim().toUpperCase() : null;
}

export function supplierNameOf(body: Record<string, unknown>): string {
  return typeof body.supplierName === "string" ? body.supplierName : "";
}
