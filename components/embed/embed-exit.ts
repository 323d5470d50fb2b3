/** Marks the brand bar's Exit setup button; the EmbedBridge turns its click into `exit`. */
export const EXIT_BUTTON_ATTRIBUTE = "data-embed-exit";
