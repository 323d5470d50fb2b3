import { describe, expect, it } from "vitest";
import { diagnoseForeignCurrency } from "./foreign-currency";

describe("diagnoseForeignCurrency", () => {
  it.each<[string | null, string[], boolean, string[]]>([
    ["GBP", [], false, []],
    ["GBP", ["GBP"], false, []],
    ["GBP", ["gbp "], false, []],
    ["GBP", ["GBP", "USD", "EUR", "usd"], true, ["USD", "EUR"]],
    ["eur", ["EUR"], false, []],
    [null, [], false, []],
    [null, ["GBP"], true, ["GBP"]],
    ["GBP", ["", "  "], false, []],
  ])("base %j, pushing %j → %j %j", (baseCurrency, pushCurrencies, needsForeignTrader, foreignCurrencies) => {
    expect(diagnoseForeignCurrency({ baseCurrency, pushCurrencies })).toEqual({ needsForeignTrader, foreignCurrencies });
  });
});
