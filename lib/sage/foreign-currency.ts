export type ForeignCurrencyInput = {
  /** The company's base currency from Codat's company info; null while unknown. */
  baseCurrency: string | null;
  /** Currencies the integrator says it will push (admin setting). */
  pushCurrencies: readonly string[];
};

export type ForeignCurrencyResult = {
  /** True when a pushed currency differs from the base currency, or the base currency is not known yet. */
  needsForeignTrader: boolean;
  /** Distinct upper-case pushed currencies other than the base currency (all of them when it is unknown). */
  foreignCurrencies: string[];
};

/**
 * Whether the company needs Sage 50's Foreign Trader before push is turned on. Without it a bill in a
 * non-base currency is written, but no payment can be made against it later.
 *
 * An unknown base currency is treated as "may need it" so that enabling push is never waved through
 * on missing data; the client can still confirm Foreign Trader and continue.
 */
export function diagnoseForeignCurrency(input: ForeignCurrencyInput): ForeignCurrencyResult {
  const base = input.baseCurrency?.trim().toUpperCase() || null;
  const distinct = [...new Set(input.pushCurrencies.map((c) => c.trim().toUpperCase()).filter((c) => c.length > 0))];
  const foreignCurrencies = distinct.filter((currency) => currency !== base);
  return { needsForeignTrader: foreignCurrencies.length > 0, foreignCurrencies };
}
