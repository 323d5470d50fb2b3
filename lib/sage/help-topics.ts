import { FOREIGN_TRADER_HELP_SLUG, INSTALL_NEEDS_ADMIN_HELP_SLUG, PROCESSING_DIALOG_HELP_SLUG } from "./help-slugs";
import { DIAGNOSIS_CODES, type DiagnosisCode } from "./diagnosis-codes";
import { CONNECTOR_ADMIN_RIGHTS, CONNECTOR_FIREWALL, CONNECTOR_FOLDER, CONNECTOR_TRAY_HINT, SAGE_PROCESSING_DIALOG, SAGE_USERS_MENU } from "./help-words";

/**
 * The help catalogue: one page per diagnosis code (/help/<slug>), plus pages the wizard links to
 * directly. `summary`, `why` and `fixSteps` are written for the client (an SMB owner, bookkeeper or
 * their IT person); `supportChecks` for the integrator's support staff.
 */
export type HelpTopic = {
  slug: string;
  title: string;
  summary: string;
  why: string;
  /** Numbered steps for the client, in order. */
  fixSteps: string[];
  supportChecks: string[];
  /** The diagnosis this page explains, or null for a page the wizard links to directly. */
  diagnosisCode: DiagnosisCode | null;
};

type TopicText = Omit<HelpTopic, "diagnosisCode">;


const RERUN = "Run the test push again from the setup page.";

const TOPICS_BY_CODE: Record<DiagnosisCode, TopicText> = {
  push_succeeded: {
    slug: "test-push-succeeded",
    title: "Your test push worked",
    summary: "A test supplier reached your Sage 50 company, so data can now be written to it.",
    why: "The connector collected the test supplier and saved it in Sage 50 with the push user's login. If Sage 50 was open, its Suppliers list does not refresh by itself.",
    fixSteps: [
      "In Sage 50, open Suppliers.",
      "Click the filter above the list twice to refresh it.",
      "Find the supplier named “… connection test - safe to delete” and delete it if you like.",
      "Go back to the setup page and turn on data push.",
    ],
    supportChecks: ["The push operation ended in Success on the current connection."],
  },
  push_pending: {
    slug: "test-push-waiting",
    title: "Waiting for the connector",
    summary: "The test supplier has been sent and the connector on your Sage 50 PC has not collected it yet.",
    why: "Data for Sage 50 waits at Codat until the connector on your PC fetches it. That normally takes under a minute.",
    fixSteps: ["Keep the Sage 50 PC on and awake.", "Stay on the setup page; it updates by itself."],
    supportChecks: ["A push operation that is Pending for a minute or two is normal."],
  },
  push_slow: {
    slug: "test-push-slow",
    title: "The test push is taking a long time",
    summary: "The connector has not collected the test supplier after a couple of minutes.",
    why: "The connector only collects data while it is running on a PC that is on and connected to the internet. A long wait usually means the PC is asleep or the connector has stopped.",
    fixSteps: [
      "Check that the Sage 50 PC is on and not asleep.",
      `Check the connector is running. ${CONNECTOR_TRAY_HINT}`,
      "Stay on the setup page: the push finishes by itself, or stops at its time limit.",
    ],
    supportChecks: [
      "Compare how long the push has been Pending with the connection's last sync time.",
      "Last sync follows the company's sync schedule; one much older than the schedule, or none at all, suggests the connector is not running on the client's PC.",
    ],
  },
  test_push_not_run: {
    slug: "why-run-a-test-push",
    title: "Why we run a test push",
    summary: "Before data push is turned on, we write one small test record to prove that writing works.",
    why: "Reading from Sage 50 can work even when writing does not: a shared login, missing rights or an old Sage version only show up when something is written. The test record is a supplier whose name says it is a test, so it is easy to find and delete.",
    fixSteps: ["On the setup page, press Run test push.", "Wait for the result; it usually takes under a minute.", SAGE_PROCESSING_DIALOG],
    supportChecks: ["No test push has run on the current connection; push cannot be enabled until one succeeds."],
  },
  connector_not_linked: {
    slug: "connector-not-linked",
    title: "The connector is not linked yet",
    summary: "The connector on your Sage 50 PC has not finished connecting your company.",
    why: "Nothing can reach Sage 50 until the connector is installed on the PC that runs Sage 50, licensed with your key and linked to your company file.",
    fixSteps: [
      "On the PC where Sage 50 runs, open the setup page and download the connector.",
      `Run it and paste the license key shown on the setup page. ${CONNECTOR_ADMIN_RIGHTS}`,
      "Choose your company file.",
      "Enter the push user's username and password, not your everyday login.",
      "Check the company details the connector shows and confirm them.",
    ],
    supportChecks: [
      "The connection is PendingAuth, or no connection exists yet.",
      "An “invalid license key” error in the installer means the key does not match the Codat company ID.",
      "A credentials error in the connector means a wrong username, password or data folder.",
      "An installer that will not start, or stops at a Windows prompt, usually means the client has no Windows administrator rights on that PC.",
      "A connector that installs but never links may be blocked by a firewall: it needs outgoing HTTPS (port 443) to sage50.codat.io and connectors.codat.io.",
    ],
  },
  connector_uninstalled: {
    slug: "connector-removed",
    title: "The connector was removed",
    summary: "The connector was uninstalled from the Sage 50 PC, so your company is no longer connected.",
    why:
      "Uninstalling the connector, or moving Sage 50 to a new PC, disconnects the company. It must be installed again on the PC that runs Sage 50. " +
      "If it removed itself straight after its first sync, it was set to sync once only: your provider changes that setting before you install again.",
    fixSteps: [
      "On the PC where Sage 50 runs, download the connector again from the setup page.",
      "Enter the license key and choose your company file.",
      "Enter the push user's username and password and confirm the company.",
      RERUN,
    ],
    supportChecks: [
      "The connection is Deauthorized.",
      "Ask whether the client changed PC or reinstalled Windows.",
      "Removed by itself right after linking: the Codat set-up option is one-time sync (Codat Portal, Settings > Integrations > Accounting, Sage 50, or the company's own override). Pushing needs the connector to stay installed: switch it to install on the customer's machine before the client installs again.",
      "Upgrade-flow setups have no download step: renew the setup as a new company so the client can download the connector.",
    ],
  },
  connection_unlinked: {
    slug: "connection-switched-off",
    title: "The connection was switched off",
    summary: "Your company's Sage 50 connection was unlinked, so nothing can be written to Sage 50.",
    why: "A connection is unlinked on purpose, through Codat, by the service you use or its support team. Nothing on your PC caused it.",
    fixSteps: ["Contact support and ask for a new setup link.", "Follow the new link on the Sage 50 PC."],
    supportChecks: [
      "The connection is Unlinked.",
      "Check the timeline for who unlinked it and why.",
      "Renew the setup link so the connector can link again.",
    ],
  },
  connector_offline: {
    slug: "connector-not-answering",
    title: "The connector did not answer",
    summary: "The test push waited for the connector on your Sage 50 PC and ran out of time.",
    why: "The connector can only collect data while the PC is on, awake and online, and while the connector is running. Antivirus software sometimes mistakes the connector for a threat and stops it.",
    fixSteps: [
      "Switch on the Sage 50 PC and keep it awake while you test.",
      `Restart the connector. ${CONNECTOR_TRAY_HINT}`,
      `If your antivirus blocked the connector, restore it and add the folder ${CONNECTOR_FOLDER} to the antivirus exclusions.`,
      CONNECTOR_FIREWALL,
      RERUN,
    ],
    supportChecks: [
      "The push operation ended TimedOut; compare with the connection's last sync time.",
      "Ask whether the PC sleeps or shuts down on a schedule.",
      `Ask whether antivirus quarantined anything in ${CONNECTOR_FOLDER}.`,
      "A write that left Pending before the timeout may still land: look for the test supplier before retrying.",
    ],
  },
  concurrent_login: {
    slug: "login-already-in-use",
    title: "Sage 50 login already in use",
    summary: "The connector could not log in to Sage 50 because someone was already using the same login.",
    why: "A Sage 50 login can only be open in one place at a time. If the connector and a person share a login, writing fails whenever that person has Sage 50 open. That is why the connector needs its own push user that nobody opens Sage 50 with. Any one of the three ways out below fixes it.",
    fixSteps: [
      "Close Sage 50 wherever someone is logged in with the connector's login, on this PC or any other.",
      "Or change the connector's login: right-click the connector's icon in the Windows tray, open the connector, choose Manage connection for your company file and enter the push user's username and password.",
      "Or open Sage 50 with a different login from the one the connector uses: your own everyday login, never the push user.",
      RERUN,
    ],
    supportChecks: [
      "Compare the login named in the error with the push user and everyday logins recorded in the setup.",
      "Everyday login named: the connector still holds it; walk the client through Manage connection.",
      "Push user named: someone opens Sage 50 as the push user; ask them to stop.",
    ],
  },
  insufficient_rights: {
    slug: "push-user-needs-administrator",
    title: "The push user needs to be an Administrator",
    summary: "Sage 50 would not let the connector's user create records.",
    why: "Writing through the connector needs a Sage 50 user of type Administrator. A Standard user, or one limited to some areas, is refused.",
    fixSteps: [
      "Open Sage 50 and log in as MANAGER or another Administrator.",
      `Go to ${SAGE_USERS_MENU} and open the push user.`,
      "Set the user type to Administrator and save.",
      RERUN,
    ],
    supportChecks: [
      "The push failed with an access-rights message.",
      "If the user named is not the push user, the connector holds other credentials (Manage connection).",
    ],
  },
  sage_version_unsupported: {
    slug: "sage-version-too-old",
    title: "Your Sage 50 version is too old",
    summary: "Data can only be written to Sage 50 Accounts 2016 (version 22) or later.",
    why: "Older versions of Sage 50 cannot receive data from the connector. Only the three most recent versions are supported.",
    fixSteps: [
      "In Sage 50, open Help > About to see your version.",
      "Upgrade Sage 50 Accounts; Sage or your reseller can help.",
      "After upgrading, re-sync the company: right-click the connector's icon in the Windows tray, open the connector and choose Perform data sync.",
      RERUN,
    ],
    supportChecks: [
      "The push failed with a version message, such as the note Sage 50's push options carry: pushing to 2015 (v21) or below is not supported.",
      "The connector shows the Sage version on its company-confirmation screen.",
    ],
  },
  invalid_test_record: {
    slug: "test-record-rejected",
    title: "Our test record was rejected",
    summary: "The test supplier we built did not pass Sage 50's rules.",
    why: "This is a fault in our product, not in your setup: the record was refused before it reached your PC.",
    fixSteps: ["Contact support; there is nothing to change on your side."],
    supportChecks: [
      "Read the validation errors on the test push.",
      "Report them to the product team with the push operation key.",
    ],
  },
  codat_unavailable: {
    slug: "codat-not-answering",
    title: "The connection service is not answering",
    summary: "Codat, the service that passes data to your connector, did not answer.",
    why: "Online services sometimes have short outages. Your PC and Sage 50 are not involved.",
    fixSteps: ["Wait a few minutes.", RERUN],
    supportChecks: ["Codat answered with a 5xx error or not at all.", "Check Codat's status page for an incident."],
  },
  codat_auth_failed: {
    slug: "codat-access-refused",
    title: "Our access to Codat was refused",
    summary: "Codat, the service that passes data to your connector, did not accept our credentials.",
    why: "This is on our side, not yours: support has been alerted and will fix it. Your PC and Sage 50 are not involved.",
    fixSteps: ["Nothing to do on your side: wait for support to tell you it is fixed.", RERUN],
    supportChecks: ["Codat answered HTTP 401 or 403.", "Check the integrator's Codat API key and its permissions."],
  },
  codat_not_found: {
    slug: "company-missing-at-codat",
    title: "The company is missing at Codat",
    summary: "Codat no longer has this company or its Sage 50 connection.",
    why: "The company or its connection was removed at Codat, so the setup cannot reach your PC.",
    fixSteps: ["Contact support: they will check the setup and may send you a new setup link."],
    supportChecks: ["Codat answered HTTP 404.", "Relink the connection or recreate the setup."],
  },
  codat_conflict: {
    slug: "codat-not-ready",
    title: "Codat could not do this yet",
    summary: "Codat refused the request because of the state the company is in at the moment.",
    why: "Some requests wait until Codat has finished other work on the company. Your PC and Sage 50 are not involved.",
    fixSteps: ["Wait a few minutes.", RERUN, "If it keeps happening, contact support."],
    supportChecks: ["Codat answered HTTP 409.", "Read Codat's message on the support page's test-push history."],
  },
  codat_bad_request: {
    slug: "codat-refused-request",
    title: "Codat refused our request",
    summary: "A request we sent to Codat was refused before anything reached Sage 50.",
    why: "This is a fault in our product, not in your setup.",
    fixSteps: ["Contact support; there is nothing to change on your side."],
    supportChecks: ["Codat answered HTTP 400 (or another 4xx) without validation errors.", "Report it with Codat's correlation ID."],
  },
  rate_limited: {
    slug: "too-many-requests",
    title: "Too many requests just now",
    summary: "Codat asked us to slow down for a moment.",
    why: "Codat limits how many requests it accepts in a short time. Your setup is fine.",
    fixSteps: ["Wait a minute.", RERUN],
    supportChecks: ["Codat answered HTTP 429.", "Check whether something else is using the same API key heavily."],
  },
  unknown_failure: {
    slug: "test-push-failed",
    title: "The test push failed",
    summary: "Sage 50 refused the test supplier for a reason we do not recognise.",
    why: "The message Sage 50 gave did not match any wording we know, so we show it as it was and list the usual causes, most likely first.",
    fixSteps: [
      "Make sure nobody has Sage 50 open with the connector's login: close Sage 50 there, or change the connector's login through Manage connection, or open Sage 50 with a different login.",
      `Check that the connector's user is of type Administrator (${SAGE_USERS_MENU}).`,
      "Check the Sage 50 version in Help > About: 2016 (version 22) or later is needed.",
      RERUN,
      "If it fails again, contact support and mention the message.",
    ],
    supportChecks: [
      "Read the message on the test push, quoted as Codat gave it, and the ranked causes beside it.",
      "Pass the message to the product team so its wording can be added to the patterns, marked documented or assumed.",
    ],
  },
  connector_login_rejected: {
    slug: "connector-login-no-longer-works",
    title: "The connector's saved login no longer works",
    summary: "The connector could not log in to Sage 50 with the username and password it saved during setup.",
    why:
      "The connector stores the push user's username and password when it is set up and logs in with them for every push. " +
      "If that user's password is later changed in Sage 50, or the user is deleted, the connector keeps trying the old login and every push fails until it is given the new one.",
    fixSteps: [
      "If the push user still exists: right-click the connector's icon in the Windows tray, open the connector, choose Manage connection for your company file and enter the push user's username and current password.",
      "If the push user was deleted: open Sage 50 as MANAGER or another Administrator, go to Settings > User Management > Users and create the push user again, as an Administrator with a password. Then enter that username and password in the connector through Manage connection.",
      "Keep the push user's password unchanged from then on, or update the connector each time it changes.",
      RERUN,
    ],
    supportChecks: [
      "The push failed with a message saying the connector's login or password was refused (the wording is assumed; Codat does not publish it).",
      "Ask whether the push user's password was changed or the user removed in Sage 50 since setup.",
      "If nothing changed, check for a login clash: the push user open in Sage 50 elsewhere.",
    ],
  },
  connector_paused: {
    slug: "connector-paused",
    title: "The connector is paused",
    summary: "The connector was paused from its tray icon, so it collects no work and pushes wait.",
    why:
      "The connector's tray menu lets you pause it. A paused connector stays installed and linked, so nothing looks wrong from outside, " +
      "but it does not sync or write anything until it is resumed. Pushes sent meanwhile wait and may time out.",
    fixSteps: [
      "On the Sage 50 PC, find the connector's icon in the Windows tray (bottom right; click the ^ arrow if it is hidden).",
      "Right-click it, open the connector and choose Resume.",
      "Leave it running: the connector needs no attention once it is set up.",
      RERUN,
    ],
    supportChecks: [
      "The push stayed Pending (or timed out) on a Linked connection.",
      "Codat does not report a pause: the same signs fit a stopped connector or a PC that is off. Ask the client what the tray icon says.",
    ],
  },
  connector_blocked_by_firewall: {
    slug: "firewall-blocks-connector",
    title: "A firewall is blocking the connector",
    summary: "The connector cannot reach Codat through the firewall, so it cannot link your company or collect pushes.",
    why:
      "The connector talks to Codat over the internet with ordinary secure web traffic (port 443). A firewall on the PC or on your network that blocks it " +
      "stops the connector from linking your company, and once linked, from receiving any push: the push waits and times out.",
    fixSteps: [
      "Ask whoever looks after your network or firewall to allow the Codat Sage 50 connector to make outgoing secure web connections on port 443 to sage50.codat.io and connectors.codat.io.",
      "If security software on the Sage 50 PC asks whether to allow the connector, allow it.",
      "If the connector has not linked yet, finish its set-up again once it is allowed.",
      RERUN,
    ],
    supportChecks: [
      "The connection stays PendingAuth after the client confirmed the company, or pushes stay Pending on a Linked connection.",
      "Codat does not report a blocked connector: ask about recent firewall, proxy or network changes.",
    ],
  },
};

/** Pages the wizard links to that are not the result of a test push. */
const OTHER_TOPICS: TopicText[] = [
  {
    slug: FOREIGN_TRADER_HELP_SLUG,
    title: "Foreign Trader and other currencies",
    summary: "If bills in a currency other than your company's own will be sent, Sage 50 needs Foreign Trader.",
    why: "Without Foreign Trader, a bill in another currency is saved but no payment can be recorded against it.",
    fixSteps: [
      "In Sage 50, go to Tools > Activation > Enable Foreign Trader (it is included in Professional and a paid add-on in other editions).",
      "Set up the currencies you need under Settings > Currencies.",
      "Come back to the setup page and confirm that Foreign Trader is on.",
    ],
    supportChecks: ["Compare the integrator's push currencies with the company's base currency."],
  },
  {
    slug: INSTALL_NEEDS_ADMIN_HELP_SLUG,
    title: "Installing the connector needs Windows administrator rights",
    summary: "The connector's installer only runs for a Windows account with administrator rights on the Sage 50 PC.",
    why:
      "The installer puts the connector on the PC and sets it to start with Windows, which Windows allows only to an administrator. " +
      "Once it is installed and linked, the connector runs without administrator rights and needs no one signed in as an administrator.",
    fixSteps: [
      "Sign in to Windows on the Sage 50 PC with an account that has administrator rights, or ask whoever looks after the PC (your IT person) to do the install with you.",
      "Run the installer again and paste the license key from the setup page.",
      "Carry on with the setup: pick the company file, enter the push user's username and password and confirm the company.",
    ],
    supportChecks: [
      "The connection stays PendingAuth while the installer cannot run.",
      "If the client has no administrator account, their IT person or reseller has to run the installer.",
    ],
  },
  {
    slug: PROCESSING_DIALOG_HELP_SLUG,
    title: "A processing window appears in Sage 50",
    summary: "When data is written to Sage 50 while someone has it open, Sage 50 may briefly show a processing window.",
    why:
      "The connector writes into the same company file that is open on screen, and Sage 50 shows that it is busy while it does. " +
      "The window closes by itself once the write is done; the more data is written at once, the longer it stays.",
    fixSteps: [
      "Leave the window alone and carry on once it closes: nothing needs to be done.",
      "New suppliers written while Sage 50 was open may not show straight away: refresh the Suppliers list (or reopen it) to see them.",
      "If it stays for a long time, check whether a large batch is being written before closing Sage 50.",
    ],
    supportChecks: ["A processing window during a write is expected when Sage 50 is open; it is not an error."],
  },
];

export const HELP_TOPICS: readonly HelpTopic[] = [
  ...DIAGNOSIS_CODES.map((code) => helpTopicForCode(code)),
  ...OTHER_TOPICS.map((topic) => ({ ...topic, diagnosisCode: null })),
];

export function helpSlugFor(code: DiagnosisCode): string {
  return TOPICS_BY_CODE[code].slug;
}

export function helpTopicForCode(code: DiagnosisCode): HelpTopic {
  return { ...TOPICS_BY_CODE[code], diagnosisCode: code };
}

export function helpTopicBySlug(slug: string): HelpTopic | null {
  return HELP_TOPICS.find((topic) => topic.slug === slug) ?? null;
}
