import { diagnoseForeignCurrency } from "./foreign-currency";
import type { ConnectionStatus, TestPushStatus } from "./types";

/**
 * When data push may be turned on, and whether a company is ready to receive pushes.
 * The server enforces `checkEnablePush` (not just the button); `pushReadiness` answers the
 * integrator's "is this company push-ready?" question.
 */
export type EnablePushInput = {
  connectionStatus: ConnectionStatus | null;
  latestTestPush: { status: TestPushStatus; connectionId: string } | null;
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
        ? "The latest test push did not succeed. Run a test push that succeeds before turning on data push."
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
