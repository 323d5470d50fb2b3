import type { EnablePushBlocker, EnablePushInput } from "./readiness";

export const READY: EnablePushInput = {
  connectionStatus: "Linked",
  latestTestPush: { status: "success", connectionId: "conn-2" },
  currentConnectionId: "conn-2",
  baseCurrency: "GBP",
  pushCurrencies: ["GBP"],
  foreignTraderConfirmed: false,
};

/** [case, input, every blocker in order] */
export const ENABLE_PUSH_CASES: [string, EnablePushInput, EnablePushBlocker[]][] = [
  ["ready", READY, []],
  ["no push currencies configured", { ...READY, pushCurrencies: [] }, []],
  ["PendingAuth", { ...READY, connectionStatus: "PendingAuth" }, ["connection_not_linked"]],
  ["Deauthorized", { ...READY, connectionStatus: "Deauthorized" }, ["connection_not_linked"]],
  ["no connection", { ...READY, connectionStatus: null, currentConnectionId: null }, ["connection_not_linked", "test_push_required"]],
  ["no test push", { ...READY, latestTestPush: null }, ["test_push_required"]],
  ["test push failed", { ...READY, latestTestPush: { status: "failed", connectionId: "conn-2" } }, ["test_push_required"]],
  ["test push still pending", { ...READY, latestTestPush: { status: "pending", connectionId: "conn-2" } }, ["test_push_required"]],
  ["success on an older connection", { ...READY, latestTestPush: { status: "success", connectionId: "conn-1" } }, ["test_push_required"]],
  ["USD pushed to a GBP company", { ...READY, pushCurrencies: ["GBP", "USD"] }, ["foreign_trader_unconfirmed"]],
  ["USD pushed, Foreign Trader confirmed", { ...READY, pushCurrencies: ["GBP", "USD"], foreignTraderConfirmed: true }, []],
  ["base currency unknown", { ...READY, baseCurrency: null }, ["foreign_trader_unconfirmed"]],
  [
    "everything missing",
    { ...READY, connectionStatus: "Unlinked", latestTestPush: null, pushCurrencies: ["EUR"] },
    ["connection_not_linked", "test_push_required", "foreign_trader_unconfirmed"],
  ],
];
