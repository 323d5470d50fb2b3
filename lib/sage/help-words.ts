/** Phrases that diagnoses and help pages share, so a fact about the connector is worded once. */

/** Where the connector lives on the Sage 50 PC (Windows expands the variable). */
export const CONNECTOR_FOLDER = "%LocalAppData%\\Codat";

/** How to find and restart the connector from the Windows tray, or start it by hand. */
export const CONNECTOR_TRAY_HINT =
  "The icon sits at the bottom right of the screen (click the ^ arrow if it is hidden): right-click it, " +
  "open the connector and choose About > Restart connector. If there is no icon, press Windows+R, type " +
  `${CONNECTOR_FOLDER}, press Enter and double-click the Sage 50 connector program.`;
