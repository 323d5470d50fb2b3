/** The help page about Foreign Trader (no diagnosis code of its own). Kept apart so pages can link it cheaply. */
export const FOREIGN_TRADER_HELP_SLUG = "foreign-trader";
