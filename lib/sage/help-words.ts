/** Phrases that diagnoses and help pages share, so a fact about the connector is worded once. */

/** Where the connector lives on the Sage 50 PC (Windows expands the variable). */
export const CONNECTOR_FOLDER = "%LocalAppData%\\Codat";

/** How to find and restart the connector from the Windows tray, or start it by hand. */
export const CONNECTOR_TRAY_HINT =
  "The icon sits at the bottom right of the screen (click the ^ arrow if it is hidden): right-click it, " +
  "open the connector and choose About > Restart connector. If there is no icon, press Windows+R, type " +
  `${CONNECTOR_FOLDER}, press Enter and double-click the Sage 50 connector program.`;

/** Where Sage 50 keeps its users (Codat's push setup guide). */
export const SAGE_USERS_MENU = "Settings > User Management > Users";

/** Installing the connector, unlike running it, needs Windows administrator rights. */
export const CONNECTOR_ADMIN_RIGHTS =
  "Installing the connector needs Windows administrator rights on that PC (only to install it: once installed it runs without them). If Windows asks for an administrator's password you do not have, ask whoever looks after the PC.";

/** The connector talks to Codat over the internet (port 443): a firewall must let it out. */
export const CONNECTOR_FIREWALL =
  "If the PC or your network has a firewall, it must let the connector make outgoing secure web connections (port 443) to sage50.codat.io and connectors.codat.io.";

/** What the client may see in Sage 50 while data is written to it. */
export const SAGE_PROCESSING_DIALOG =
  "If Sage 50 is open while data is written, it may show a processing window for a moment (longer for more data). Let it finish; there is nothing to click.";

/**
 * The connector's installer file as Codat names it: the name of the company the data goes to (the
 * integrator), symbols turned into dashes, then "-sage50-connector.exe". Spaces are treated as
 * symbols here too, so the pattern shown is the likeliest; the download's own name wins.
 */
export function connectorInstallerFileName(integratorName: string): string {
  const name = integratorName
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return `${name || "Codat"}-sage50-connector.exe`;
}
