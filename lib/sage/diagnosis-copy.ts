import type { DiagnosisCode } from "./diagnosis-codes";
import { errorLine, pushUserLabel, quote, type DiagnosisContext, type DiagnosisText, type DiagnosisWriter } from "./diagnosis-words";
import { REQUEST_ERROR_WRITERS } from "./request-error-copy";
import { CONNECTOR_FOLDER, CONNECTOR_TRAY_HINT } from "./help-words";
import { findUsernameClash } from "./usernames";

export function describeDiagnosis(code: DiagnosisCode, ctx: DiagnosisContext): DiagnosisText {
  return WRITERS[code](ctx);
}

/** The last sync as evidence, in the client's words. */
function lastSyncEvidence(ctx: DiagnosisContext): string {
  if (ctx.lastSyncAge === null) return "Last sync: the connector has not completed a sync yet.";
  return `Last sync: ${ctx.lastSyncAge} ago.`;
}

/** The last sync as evidence, for support. */
function lastSyncForSupport(ctx: DiagnosisContext): string {
  if (ctx.lastSyncAge === null) return "Codat reports no completed sync for this connection.";
  return `Codat reports the last sync ${ctx.lastSyncAge} ago.`;
}

function isEverydayLogin(ctx: DiagnosisContext, name: string): boolean {
  return findUsernameClash(name, ctx.everydayUsernames) !== null;
}

const WRITERS: Record<DiagnosisCode, DiagnosisWriter> = {
  ...REQUEST_ERROR_WRITERS,
  push_succeeded: () => ({
    severity: "ok",
    title: "The test push worked",
    explanation:
      "A test supplier was written to your Sage 50 company, so the connector can send data to Sage 50. " +
      "If Sage 50 was open at the time, the supplier appears once the Suppliers list is refreshed.",
    clientSteps: [
      "In Sage 50, open Suppliers and click the list's filter twice to refresh it.",
      "Find the supplier whose name ends in “connection test - safe to delete”. You may delete it.",
      "Carry on and turn on data push.",
    ],
    supportChecks: ["The push operation ended in Success on the current connection: writing works."],
    retryable: false,
  }),

  push_pending: (ctx) => ({
    severity: "info",
    title: "Waiting for the connector",
    explanation:
      `The test supplier is on its way to the connector on your Sage 50 PC (sent ${ctx.pushWaited ?? "just now"} ago). ` +
      "This usually takes less than a minute.",
    clientSteps: ["Keep the Sage 50 PC switched on and awake.", "Stay on this page: it updates by itself."],
    supportChecks: ["The push operation is Pending, which is normal for the first couple of minutes."],
    retryable: false,
  }),

  push_slow: (ctx) => ({
    severity: "warning",
    title: "The test push is taking longer than usual",
    explanation:
      `The test supplier has been waiting for ${ctx.pushWaited ?? "a while"}. The connector normally collects it ` +
      `within a minute or two, so it may not be running. ${lastSyncEvidence(ctx)}`,
    clientSteps: [
      "Check that the Sage 50 PC is switched on and not asleep.",
      `Look for the connector's icon in the Windows tray. ${CONNECTOR_TRAY_HINT}`,
      "Stay on this page: the test push finishes by itself once the connector collects it, or stops at its time limit.",
    ],
    supportChecks: [
      `The push operation has been Pending for ${ctx.pushWaited ?? "more than two minutes"}.`,
      lastSyncForSupport(ctx),
      "Last sync follows the company's sync schedule, not each contact with the connector: a last sync much older than that schedule suggests the connector is not running.",
    ],
    retryable: false,
  }),

  test_push_not_run: () => ({
    severity: "info",
    title: "No test push yet",
    explanation:
      "The connector is linked, but nothing has been written to Sage 50 yet. " +
      "A test push proves that writing works before data push is turned on.",
    clientSteps: ["Run the test push. It adds one supplier, clearly labelled as a test, which you may delete later."],
    supportChecks: ["No test push has been run on the current connection."],
    retryable: true,
  }),

  connector_not_linked: (ctx) => ({
    severity: "warning",
    title: "The connector is not linked yet",
    explanation:
      "Codat is still waiting for the connector on your Sage 50 PC to link this company. " +
      "Nothing can be written to Sage 50 until it does.",
    clientSteps: [
      "On the PC where Sage 50 runs, download the connector from the setup page and run it (installing needs a Windows account with administrator rights).",
      "When it asks for a license key, paste the key shown on the setup page.",
      "Pick your company file, enter the push user's username and password (not your everyday login) and confirm the company.",
    ],
    supportChecks: [
      ctx.connectionStatus === null
        ? "No Sage 50 connection exists for this company yet: the setup needs one before the client can download the connector."
        : "The connection is PendingAuth: the connector has not finished linking.",
      "If the installer said the license key is invalid, compare the key the client typed with the Codat company ID.",
      "If the installer would not run, the Windows account lacks administrator rights: someone with them has to install it.",
      "If the client confirmed the company but the connection is still PendingAuth, a firewall may block the connector from reaching Codat.",
      "If linking fails at the credentials step, the username, password or data folder was wrong in the connector.",
    ],
    retryable: false,
  }),

  connector_uninstalled: (ctx) => ({
    severity: "error",
    title: "The connector was removed",
    explanation:
      "Codat reports that the connector for this company was uninstalled from the Sage 50 PC, " +
      "so nothing can be written to Sage 50 until it is installed and linked again.",
    clientSteps: [
      "On the PC where Sage 50 runs, download the connector again from the setup page.",
      "Enter the license key, pick the company file, then enter the push user's username and password and confirm the company.",
      "Run the test push again.",
    ],
    supportChecks: [
      "The connection is Deauthorized: the connector was uninstalled on the client's PC.",
      "Ask whether the client changed PC or reinstalled Windows; the connector must run on the PC that runs Sage 50.",
      "If the connection went Deauthorized right after it linked, check the Sage 50 set-up option in the Codat Portal (the integration's and this company's): one-time sync makes the connector remove itself after its first sync. Set it to install on the customer's machine, then have the client install again.",
      ...(ctx.flow === "upgrade"
        ? ["This is an upgrade setup, which has no download step: renew the setup as a new company so the wizard offers the download."]
        : []),
    ],
    retryable: false,
  }),

  connection_unlinked: () => ({
    severity: "error",
    title: "The connection was switched off",
    explanation:
      "This company's Sage 50 connection was unlinked on the Codat side, so the connector can no longer write to Sage 50. " +
      "There is nothing to change on your PC for now.",
    clientSteps: ["Contact support: they will send you a new setup link to reconnect."],
    supportChecks: [
      "The connection is Unlinked: someone unlinked it through Codat's API or portal.",
      "Check the timeline for who unlinked it and why before reconnecting.",
      "Reconnecting needs the connector to link again: renew the setup link and send it to the client.",
    ],
    retryable: false,
  }),

  connector_offline: (ctx) => ({
    severity: "error",
    title: "The connector did not answer",
    explanation:
      `The test supplier waited ${ctx.pushWaited ?? "its full time limit"} for the connector on your Sage 50 PC and then timed out. ` +
      "Usually the PC was off or asleep, or the connector had stopped. " +
      (ctx.lastSyncRecent
        ? `${lastSyncEvidence(ctx)} So it was running recently: the PC may have gone to sleep or lost its internet connection.`
        : lastSyncEvidence(ctx)),
    clientSteps: [
      "Switch on the Sage 50 PC, wake it up and keep it awake while you test.",
      `Find the connector's icon in the Windows tray and restart the connector. ${CONNECTOR_TRAY_HINT}`,
      `If your antivirus blocked or quarantined the connector, restore it and add the folder ${CONNECTOR_FOLDER} to the antivirus exclusions.`,
      "Run the test push again.",
    ],
    supportChecks: [
      `The push operation ended TimedOut after ${ctx.pushWaited ?? "its time limit"}.`,
      `${lastSyncForSupport(ctx)} A last sync much older than the sync schedule suggests the connector has not been running.`,
      "Ask whether the PC sleeps or shuts down on a schedule, and whether antivirus quarantined files in " + `${CONNECTOR_FOLDER}.`,
      "A write that had already left Pending may still land after a timeout: check Sage 50 for the test supplier before retrying.",
    ],
    retryable: true,
  }),

  concurrent_login: (ctx) => {
    const login = ctx.namedLogin ?? ctx.pushUsername;
    const loginText = login ? `“${login}”` : "the connector's login";
    const everyday = login !== null && isEverydayLogin(ctx, login);
    // The three ways out Codat documents; changing the connector's login comes first when it holds an everyday one.
    const closeSage = [`Close Sage 50 wherever someone is logged in as ${loginText}, on this PC or any other.`];
    const changeCredentials = [
      "Change the connector's login: right-click the connector's icon in the Windows tray and open the connector.",
      `Choose Manage connection for this company file and replace the saved username and password with those of ${pushUserLabel(ctx)}.`,
    ];
    const otherLogin = [`Open Sage 50 with a different login from the one the connector uses: your own everyday login, never ${pushUserLabel(ctx)}.`];
    const ways = ctx.flow === "upgrade" || everyday ? [changeCredentials, closeSage, otherLogin] : [closeSage, changeCredentials, otherLogin];
    return {
      severity: "error",
      title: "Sage 50 login already in use",
      explanation:
        `Sage 50 turns the connector away while ${loginText} is logged in elsewhere, usually because someone opened ` +
        "Sage 50 with that username. A Sage 50 login can be used by one session at a time, so pushes keep failing while it is open." +
        (everyday ? ` ${loginText} is one of the logins people use every day, so the connector is still using an everyday login.` : ""),
      clientSteps: [
        ...ways.flatMap(([first = "", ...rest], i) => [i === 0 ? first : `Or ${first.charAt(0).toLowerCase()}${first.slice(1)}`, ...rest]),
        "Run the test push again.",
      ],
      supportChecks: [
        errorLine(ctx),
        `Push user recorded in the setup: ${ctx.pushUsername ?? "(none)"}; everyday logins: ${ctx.everydayUsernames.join(", ") || "(none)"}.`,
        "If the login in the message is an everyday login, the connector still holds it: walk the client through Manage connection.",
        "If it is the push user, someone opens Sage 50 with the push user: ask them to stop.",
      ],
      retryable: true,
    };
  },

  insufficient_rights: (ctx) => {
    const user = ctx.namedLogin ?? ctx.pushUsername;
    return {
      severity: "error",
      title: "The push user is not allowed to write",
      explanation:
        `Sage 50 would not let ${user ? `“${user}”` : "the connector's user"} create a supplier. ` +
        "Writing through the connector needs a user of type Administrator.",
      clientSteps: [
        "Open Sage 50 and log in as MANAGER or another Administrator.",
        `Go to Settings > User Management > Users and open ${user ? `“${user}”` : "the push user"}.`,
        "Set the user type to Administrator and save.",
        "Run the test push again.",
      ],
      supportChecks: [
        errorLine(ctx),
        "Only an Administrator-type Sage 50 user is supported for pushing.",
        "If the user in the message is not the push user, the connector holds other credentials (Manage connection).",
      ],
      retryable: true,
    };
  },

  sage_version_unsupported: (ctx) => ({
    severity: "error",
    title: "This Sage 50 version cannot receive data",
    explanation:
      "Writing through the connector needs Sage 50 Accounts 2016 (version 22) or later, " +
      "and the version on this PC is older or not supported.",
    clientSteps: [
      "In Sage 50, open Help > About to see which version you have.",
      "Upgrade to one of the three most recent Sage 50 Accounts versions (Sage or your reseller can help).",
      "After upgrading, re-sync the company: right-click the connector's icon in the Windows tray, open the connector and choose Perform data sync.",
      "Run the test push again once the sync has finished.",
    ],
    supportChecks: [
      errorLine(ctx),
      "Pushing needs v22 (2016) or later; only the three most recent versions are supported.",
      "The connector shows the Sage version on its company-confirmation screen.",
    ],
    retryable: false,
  }),

  unknown_failure: (ctx) => ({
    severity: "error",
    title: "The test push failed",
    explanation:
      "Sage 50 did not accept the test supplier, and we do not recognise the reason it gave" +
      (ctx.errorMessage ? `: ${quote(ctx.errorMessage)}. ` : ". ") +
      "The usual causes are listed below, most likely first.",
    clientSteps: ["If none of the causes listed fits, contact support and mention the message."],
    supportChecks: [
      errorLine(ctx),
      "No known wording matched. Pass this message to the product team so it can be added to the patterns, marked documented or assumed.",
    ],
    retryable: true,
  }),

  connector_login_rejected: (ctx) => {
    const user = ctx.namedLogin ?? ctx.pushUsername;
    const userText = user ? `“${user}”` : "the push user";
    return {
      severity: "error",
      title: "The connector's saved login no longer works",
      explanation:
        `The connector could not log in to Sage 50 as ${userText} with the password it saved during setup. ` +
        "This happens when that user's password is changed in Sage 50, or the user is deleted, after the connector was set up: the connector keeps the old login until it is told the new one.",
      clientSteps: [
        `If ${userText} still exists in Sage 50: right-click the connector's icon in the Windows tray, open the connector, choose Manage connection for this company file and enter ${userText} with its current password.`,
        `If the user was deleted: open Sage 50 as MANAGER or another Administrator, go to Settings > User Management > Users and create ${userText} again as an Administrator with a password; then enter that username and password in the connector through Manage connection.`,
        "Run the test push again.",
      ],
      supportChecks: [
        errorLine(ctx),
        `Push user recorded in the setup: ${ctx.pushUsername ?? "(none)"}.`,
        "The wording of a refused connector login is assumed (Codat does not publish it): if the client says the password did not change, check for a login clash too.",
      ],
      retryable: true,
    };
  },

  connector_paused: (ctx) => ({
    severity: "warning",
    title: "The connector may be paused",
    explanation:
      "The connector on the Sage 50 PC can be paused from its tray icon. While it is paused it stays installed and linked, " +
      "but it collects no work, so the test push waits and is never written." +
      (ctx.pushWaited ? ` This push has waited ${ctx.pushWaited}.` : ""),
    clientSteps: [
      "On the Sage 50 PC, find the connector's icon in the Windows tray (bottom right; click the ^ arrow if it is hidden).",
      "Right-click it and open the connector. If it says it is paused, choose Resume.",
      "Run the test push again.",
    ],
    supportChecks: [
      lastSyncForSupport(ctx),
      "A paused connector looks the same to Codat as a stopped one: the connection stays Linked and pushes stay Pending. Ask the client to look at the tray icon.",
    ],
    retryable: true,
  }),

  connector_blocked_by_firewall: (ctx) => ({
    severity: "warning",
    title: "A firewall may be blocking the connector",
    explanation:
      "The connector on the Sage 50 PC collects work from Codat over the internet. If a firewall on the PC or your network blocks it, " +
      "the connector looks installed and linked but never receives the push, so it waits." +
      (ctx.pushWaited ? ` This push has waited ${ctx.pushWaited}.` : ""),
    clientSteps: [
      "Ask whoever looks after your network or firewall to allow the Codat Sage 50 connector to make outgoing secure web connections (port 443) to Codat's addresses (sage50.codat.io and connectors.codat.io).",
      "If security software on the PC asked whether to allow the connector, allow it.",
      "Run the test push again.",
    ],
    supportChecks: [
      lastSyncForSupport(ctx),
      "A blocked connector looks the same to Codat as a stopped one: the connection stays Linked and pushes stay Pending. A last sync that stopped after a network or firewall change fits.",
    ],
    retryable: true,
  }),
};
