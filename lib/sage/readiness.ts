import type { DiagnosisCode } from "./diagnosis-codes";
import { diagnoseForeignCurrency } from "./foreign-currency";
import { helpTopicForCode } from "./help-topics";
import type { ConnectionStatus, TestPushStatus } from "./types";

/**
 * When data push may be turned on, and whether a company is ready to receive pushes.
 * The server enforces `checkEnablePush` (not just the button); `pushReadiness` answers the
 * integrator's "is this company push-ready?" question.
 */
export type EnablePushInput = {
  connectionStatus: ConnectionStatus | null;
  /** `diagnosisCode`: the cause stored with the push when it ended (only the most likely one). */
  latestTestPush: { status: TestPushStatus; connectionId: string; diagnosisCode?: DiagnosisCode | null } | null;
  currentConnectionId: string | null;
  baseCurrency: string | null;
  pushCurrencies: readonly string[];
  foreignTraderConfirmed: boolean;
};

export type EnablePushBlocker = "connection_not_linked" | "test_push_required" | "foreign_trader_unconfirmed";

export type EnablePushCheck = { ok: true } | { ok: false; code: EnablePushBlocker; reason: string };

type ReadinessReasonCode = EnablePushBlocker | "push_not_enabled";

export type PushReadiness = {
  enabled: boolean;
  /** True only when push is enabled and nothing blocks it: the integrator may push now. */
  ready: boolean;
  reasons: { code: ReadinessReasonCode; message: string }[];
};

/** Every blocker, in the order the client would fix them. */
export function enablePushBlockers(input: EnablePushInput): { code: EnablePushBlocker; reason: string }[] {
  const blockers: { code: EnablePushBlocker; reason: string }[] = [];

  if (input.connectionStatus !== "Linked" || input.currentConnectionId === null) {
    blockers.push({
      code: "connection_not_linked",
      reason: "The Sage 50 connector is not linked to this company, so nothing can be written to Sage 50.",
    });
  }

  const test = input.latestTestPush;
  const onCurrent = test !== null && input.currentConnectionId !== null && test.connectionId === input.currentConnectionId;
  if (!onCurrent || test.status !== "success") {
    blockers.push({
      code: "test_push_required",
      reason: onCurrent
        ? `The latest test push did not succeed.${likelyCause(test.diagnosisCode)} Run a test push that succeeds before turning on data push.`
        : "No test push has succeeded on the current connection. Run a test push before turning on data push.",
    });
  }

  const currency = diagnoseForeignCurrency({ baseCurrency: input.baseCurrency, pushCurrencies: input.pushCurrencies });
  if (currency.needsForeignTrader && !input.foreignTraderConfirmed) {
    const base = input.baseCurrency?.trim().toUpperCase();
    blockers.push({
      code: "foreign_trader_unconfirmed",
      reason: base
        ? `Data in ${currency.foreignCurrencies.join(", ")} will be sent but the company's currency is ${base}. ` +
          "Confirm that Foreign Trader is turned on in Sage 50 first."
        : `Data in ${currency.foreignCurrencies.join(", ")} will be sent and the company's currency is not known yet. ` +
          "Confirm that Foreign Trader is turned on in Sage 50 (or that the company uses these currencies) first.",
    });
  }
  return blockers;
}

/**
 * The stored cause of a failed push, worded as the most likely one and never as certain (only the
 * code is stored, not how sure it was); a login clash is named whenever no cause was recognised.
 */
function likelyCause(code: DiagnosisCode | null | undefined): string {
  if (!code || code === "push_succeeded" || code === "push_pending" || code === "push_slow") return "";
  if (code === "unknown_failure") {
    return " Its message matched no known cause; check first that nobody has Sage 50 open with the connector's login.";
  }
  return ` Most likely cause: ${helpTopicForCode(code).title.replace(/\.$/, "")} (see the test push for other causes to check).`;
}

/** Whether push may be enabled now; the first blocker otherwise. */
export function checkEnablePush(input: EnablePushInput): EnablePushCheck {
  const first = enablePushBlockers(input)[0];
  return first ? { ok: false, ...first } : { ok: true };
}

export function pushReadiness(input: EnablePushInput & { pushEnabled: boolean }): PushReadiness {
  const reasons: PushReadiness["reasons"] = enablePushBlockers(input).map(({ code, reason }) => ({ code, message: reason }));
  if (!input.pushEnabled) {
    reasons.push({ code: "push_not_enabled", message: "Data push has not been turned on for this company." });
  }
  return { enabled: input.pushEnabled, ready: reasons.length === 0, reasons };
}
