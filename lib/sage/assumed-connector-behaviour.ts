import type { PushErrorPattern } from "./push-error-patterns";

/**
 * Everything the product ASSUMES about how the Sage 50 connector reports a failed write. Codat
 * documents none of it: not the connector's wording for a login clash or a refused user, nor whether
 * a login clash ends the push Failed or leaves it Pending until it times out. This is the one module
 * to correct once real messages are seen; every entry says so (`status: "assumed"`).
 *
 * What Codat does document lives in push-error-patterns.ts, with its source.
 */

/**
 * The wording of the Sage 50 push options' note on old versions (Codat's Sync for Payables spec,
 * Sage 50 supplier push options, `validation.information`). The text is documented; that a push to an
 * old version fails with this text as its `errorMessage` is assumed.
 */
export const UNSUPPORTED_VERSION_NOTE =
  "Pushing to Sage 50 2015 (v21) or below is not supported. To enable push, please upgrade to at least Sage 50 2016 (v22) and re-sync the company.";

/**
 * The failure messages the simulator's connector gives. Invented here (assumed), so the classifier's
 * tests never use them as ground truth; the version message is the documented note above.
 */
export const ASSUMED_CONNECTOR_MESSAGES = {
  loginInUse: (user: string) => `Unable to log on to Sage 50: the logon name '${user}' is already in use.`,
  accessDenied: (user: string) =>
    `Sage 50 refused access: user '${user}' does not have the access rights needed to write suppliers.`,
  versionUnsupported: () => UNSUPPORTED_VERSION_NOTE,
  loginRejected: (user: string) =>
    `Unable to log on to Sage 50 as '${user}': the password saved in the connector was not accepted.`,
} as const;

const ASSUMED = "assumed: Codat does not publish the connector's wording";

/**
 * Each behaviour of the connector the product relies on, with its status, its source, and the
 * simulator variant (`PUT /api/sim/config` with `"variants": { … }`) that plays it the other way, so
 * the wizard's advice is tested both ways. The diagnosis must hold under every variant: that is why
 * diagnosis-ranking.ts lists a login clash among the first two causes of any failed or timed-out push
 * on a linked connection, whatever the message says.
 */
type AssumedBehaviour = {
  behaviour: string;
  status: "documented" | "assumed";
  source: string;
  /** The simulator's default, which follows the assumption. */
  simulated: string;
  /** The variant that plays it the other way; null for a documented behaviour (played one way only). */
  otherWay: { variant: "concurrentLogin" | "connectorMessages"; value: string; plays: string } | null;
};

export const ASSUMED_CONNECTOR_BEHAVIOURS: readonly AssumedBehaviour[] = [
  {
    behaviour: "Nothing is written while Sage 50 is open with the connector's login.",
    status: "documented",
    source: "Codat, “Write data to Sage 50” (the three ways out: close Sage 50, change the connector's login, or open Sage 50 with another login).",
    simulated: "Under every variant: the push is never written while the login is open.",
    otherWay: null,
  },
  {
    behaviour: "A push while the connector's login is open in Sage 50 ends Failed, with a message.",
    status: "assumed",
    source:
      "Codat, “Write data to Sage 50”: no data is written while Sage 50 is open with the connector's login; how the push ends is not said.",
    simulated: "concurrentLogin: failed — the push ends Failed with the login-in-use message.",
    otherWay: {
      variant: "concurrentLogin",
      value: "pending",
      plays: "the push stays Pending (the connector waits for the login) until it times out.",
    },
  },
  {
    behaviour: "The connector's failure messages use the wordings in ASSUMED_CONNECTOR_MESSAGES, which ASSUMED_PUSH_ERROR_PATTERNS know.",
    status: "assumed",
    source: ASSUMED,
    simulated: "connectorMessages: documented — the messages above (the version note is Codat's own).",
    otherWay: {
      variant: "connectorMessages",
      value: "unfamiliar",
      plays: "the connector's failure messages are wordings no pattern in push-error-patterns.ts knows.",
    },
  },
  {
    behaviour: "A push to Sage 50 2015 (v21) or below fails with the push options' note as its errorMessage.",
    status: "assumed",
    source: "Codat Sync for Payables spec, Sage 50 supplier push options, validation.information (the text is documented; its use as the message is not).",
    simulated: "connectorMessages: documented — the note, verbatim.",
    otherWay: { variant: "connectorMessages", value: "unfamiliar", plays: "a wording no pattern knows." },
  },
];

/** Wordings guessed from what Sage 50 and the connector might say; checked after the documented ones. */
export const ASSUMED_PUSH_ERROR_PATTERNS: readonly PushErrorPattern[] = [
  {
    kind: "concurrent_login",
    status: "assumed",
    source: ASSUMED,
    patterns: [
      /\balready\s+(?:in\s+use|logged\s+(?:in|on))\b/i,
      /\bin\s+use\s+by\s+another\b/i,
      /\b(?:user|logon|login)\b.*\b(?:currently|still)\s+logged\s+(?:in|on)\b/i,
      /\bconcurrent\s+(?:log\s?ins?|log\s?ons?|sessions?|access)\b/i,
      /\b(?:user|logon|login)\s+is\s+locked\b/i,
    ],
  },
  {
    kind: "insufficient_rights",
    status: "assumed",
    source: ASSUMED,
    patterns: [
      /\baccess\s+rights?\b/i,
      /\baccess\s+(?:is\s+)?denied\b/i,
      /\brefused\s+access\b/i,
      /\binsufficient\s+(?:rights|privileges|permissions?)\b/i,
      /\b(?:does\s+not|doesn't|do\s+not|don't)\s+have\s+(?:the\s+)?(?:rights?|permissions?|access)\b/i,
      /\bnot\s+(?:authori[sz]ed|permitted|allowed)\s+to\s+(?:write|create|post|add)\b/i,
      /\bpermission\s+denied\b/i,
    ],
  },
  {
    kind: "sage_version_unsupported",
    status: "assumed",
    source: ASSUMED,
    patterns: [
      /\bversion\b.*\bnot\s+supported\b/i,
      /\bnot\s+supported\b.*\bversion\b/i,
      /\bunsupported\s+(?:sage\s*(?:50\s+)?)?version\b/i,
      /\bversion\s+22\b.*\brequired\b/i,
      /\brequires?\s+(?:sage\s*50\s+)?(?:version\s+|v)22\b/i,
    ],
  },
  {
    // The connector's saved login no longer opens Sage 50 (the user's password was changed or the user
    // deleted after setup). Codat documents updating the credentials through Manage connection, not the wording.
    kind: "connector_login_rejected",
    status: "assumed",
    source: ASSUMED,
    patterns: [
      /\b(?:password|credentials?)\b[^.]*\b(?:not\s+accepted|incorrect|invalid|wrong|rejected|expired)\b/i,
      /\b(?:invalid|incorrect|wrong)\s+(?:logon|login|user\s*name|username|password|credentials?)\b/i,
      /\b(?:user|logon\s+name|login)\b[^.]*\b(?:not\s+found|does\s+not\s+exist|no\s+longer\s+exists|was\s+deleted)\b/i,
      /\b(?:logon|login|log\s+on|log\s+in)\s+failed\b/i,
    ],
  },
];

/*
 * A paused connector (assumed): pausing from the tray menu is documented, what Codat reports is not.
 * The product assumes the connection stays Linked and pushes stay Pending until resumed or timed out,
 * so diagnosis-ranking.ts lists `connector_paused` after the login clash for a slow or timed-out push.
 */

/*
 * A firewall blocking the connector (assumed): Codat documents the addresses the connector must reach,
 * not what it reports when it cannot. The product assumes the connection stays as it was (PendingAuth
 * before linking, Linked after) and pushes stay Pending, so diagnosis-ranking.ts lists
 * `connector_blocked_by_firewall` after a paused connector for a slow or timed-out push.
 */

/*
 * One-time sync mode (assumed): Codat documents that the connector removes itself after its first sync,
 * not what the connection's status then is. The product assumes it ends Deauthorized as after an
 * uninstall, so `connector_uninstalled` names the one-time sync setting among its support checks.
 */
