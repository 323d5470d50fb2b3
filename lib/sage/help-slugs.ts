/** The help page about Foreign Trader (no diagnosis code of its own). Kept apart so pages can link it cheaply. */
export const FOREIGN_TRADER_HELP_SLUG = "foreign-trader";

/** The help page about installing the connector with Windows administrator rights (no diagnosis code of its own). */
export const INSTALL_NEEDS_ADMIN_HELP_SLUG = "installing-needs-windows-administrator";

/** The help page about Sage 50's processing dialog while data is written (no diagnosis code of its own). */
export const PROCESSING_DIALOG_HELP_SLUG = "sage-50-processing-dialog";
