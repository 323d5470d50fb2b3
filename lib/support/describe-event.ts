import { findStep } from "@/lib/sage/steps";
import { helpTopicForCode } from "@/lib/sage/help-topics";
import { isDiagnosisCode } from "@/lib/sage/diagnosis-codes";
import { connectionStatusBadge, connectionStatusLabel, flowDescription, pushHealthBadge } from "@/lib/sage/status-labels";

/**
 * The timeline's words: each event type of the log as what its actor did, read after the actor's
 * name ("Codat" + "reported the test push failed."). Unknown types (a new event someone added) still
 * show, by their type name, so nothing is hidden.
 */
type EventTone = "neutral" | "success" | "warning" | "error" | "info";
export type EventKind = "setup" | "wizard" | "connection" | "test-push" | "push" | "link" | "note" | "staff" | "webhook";

export type EventDescription = {
  kind: EventKind;
  tone: EventTone;
  sentence: string;
  /** Extra text shown under the sentence (a note, an error message from Codat). */
  detail?: string;
  /** A help page that explains this event: /help/<slug>. */
  help?: { slug: string; title: string };
};

type Data = Record<string, unknown>;

const str = (data: Data, key: string): string | null => {
  const v = data[key];
  return typeof v === "string" && v.trim() ? v : typeof v === "number" ? String(v) : null;
};
const list = (data: Data, key: string): string[] => {
  const v = data[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x.length > 0) : [];
};
const quoted = (text: string) => `“${text}”`;
const dateText = (iso: string | null) => {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? null
    : d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
};

function helpFor(data: Data): EventDescription["help"] {
  const code = str(data, "diagnosisCode");
  if (!code || !isDiagnosisCode(code)) return undefined;
  const topic = helpTopicForCode(code);
  return { slug: topic.slug, title: topic.title };
}

/** The cause's headline ("Sage 50 login already in use"), with its help page, when the data names a known one. */
function causeOf(data: Data): { words: string; help?: EventDescription["help"] } {
  const code = str(data, "cause");
  if (!code || !isDiagnosisCode(code)) return { words: "" };
  const topic = helpTopicForCode(code);
  return { words: ` (${topic.title})`, help: { slug: topic.slug, title: topic.title } };
}

function stepTitle(key: string | null): string {
  return (key && findStep(key)?.title) || key || "a step";
}

const DESCRIBERS: Record<string, (data: Data) => EventDescription> = {
  "setup.created": (d) => ({
    kind: "setup",
    tone: "info",
    sentence: `created the setup (${flowDescription(str(d, "flow") === "upgrade" ? "upgrade" : "new").toLowerCase()}).`,
  }),
  "setup_link.issued": (d) => {
    const until = dateText(str(d, "expiresAt"));
    return {
      kind: "link",
      tone: "info",
      sentence: `issued a setup link${until ? `, valid until ${until}` : ""}. Any earlier link stopped working.`,
    };
  },
  "setup_link.emailed": (d) => ({
    kind: "link",
    tone: "info",
    sentence: `emailed a new setup link to ${str(d, "to") ?? "the client's contact"}. Any earlier link stopped working.`,
  }),
  "setup_link.reminder_sent": (d) => ({
    kind: "link",
    tone: "neutral",
    sentence: `emailed reminder ${str(d, "number") ?? "?"} of ${str(d, "of") ?? "?"} to ${str(d, "to") ?? "the client's contact"} after ${str(d, "quietDays") ?? "some"} days without progress.`,
  }),
  "company.contact_changed": (d) => {
    const to = str(d, "contactEmail");
    return { kind: "note", tone: "neutral", sentence: to ? `set the contact email to ${to}.` : "removed the contact email." };
  },
  "wizard.before_start_done": () => ({ kind: "wizard", tone: "neutral", sentence: "read “Before you start” and began the setup." }),
  "wizard.push_user_saved": (d) => {
    const push = str(d, "pushUsername");
    const everyday = list(d, "everydayUsernames");
    return {
      kind: "wizard",
      tone: "neutral",
      sentence: `created the push user${push ? ` ${quoted(push)}` : ""} in Sage 50${
        everyday.length ? `; everyday logins: ${everyday.map(quoted).join(", ")}` : ""
      }.`,
    };
  },
  "wizard.company_confirmed": (d) => {
    const name = str(d, "companyName");
    const currency = str(d, "baseCurrency");
    return {
      kind: "wizard",
      tone: "neutral",
      sentence: `confirmed the connector holds the push user's login and the company file${name ? ` ${quoted(name)}` : ""}${
        currency ? ` (${currency})` : ""
      }.`,
    };
  },
  "connection.status_changed": (d) => {
    const from = str(d, "from");
    const to = str(d, "to");
    const via = str(d, "seenBy") === "webhook" ? ` (by webhook${str(d, "event") ? ` ${quoted(str(d, "event") ?? "")}` : ""})` : "";
    const deleted = str(d, "event") === "connection.deleted" ? " The connection was deleted at Codat." : "";
    const tone: EventTone = to === null ? "error" : connectionStatusBadge(to).tone;
    return {
      kind: "connection",
      tone,
      sentence: `reported the connection changed${from ? ` from ${connectionStatusLabel(from)}` : ""} to ${connectionStatusLabel(to)}${via}.${deleted}`,
    };
  },
  "webhook.received": (d) => {
    const type = str(d, "eventType") ?? "an event";
    const status = str(d, "status") ?? str(d, "connectionStatus");
    return { kind: "webhook", tone: "neutral", sentence: `sent the webhook ${quoted(type)}${status ? ` (${status})` : ""}.` };
  },
  "test_push.started": (d) => {
    const name = str(d, "supplierName");
    const rules =
      str(d, "supplierRules") === "documented"
        ? " Sage 50's supplier rules could not be read from Codat, so the test supplier follows the documented ones."
        : "";
    return { kind: "test-push", tone: "info", sentence: `started a test push${name ? ` of the supplier ${quoted(name)}` : ""}.${rules}` };
  },
  "test_push.success": (d) => ({
    kind: "test-push",
    tone: "success",
    sentence:
      str(d, "found") === "supplier_exists"
        ? "has the test supplier of a test push that had timed out: the push reached Sage 50 after all, so no second one was sent."
        : d.late === true
          ? "reported the test push succeeded after our deadline: the push reached Sage 50 after all."
          : "reported the test push succeeded: the test supplier reached Sage 50.",
    help: helpFor(d),
  }),
  "test_push.failed": (d) => ({
    kind: "test-push",
    tone: "error",
    sentence: d.late === true ? "reported, after our deadline, that the test push failed." : "reported the test push failed.",
    detail: str(d, "errorMessage") ?? undefined,
    help: helpFor(d),
  }),
  "test_push.timed_out": (d) => ({
    kind: "test-push",
    tone: "error",
    sentence:
      str(d, "reason") === "deadline passed"
        ? str(d, "followUntil")
          ? "stopped waiting for the test push: no answer from the connector before the deadline. Codat is still asked about it for a day, in case it lands late."
          : "stopped waiting for the test push: no answer from the connector before the deadline."
        : "reported the test push timed out: the connector did not collect it.",
    help: helpFor(d),
  }),
  "test_push.error": (d) => ({
    kind: "test-push",
    tone: "error",
    sentence: "could not send the test push to Codat.",
    detail: str(d, "message") ?? str(d, "errorMessage") ?? undefined,
    help: helpFor(d),
  }),
  "codat.request_failed": (d) => {
    const evidence = d.evidence as { httpStatus?: unknown } | undefined;
    const status = typeof evidence?.httpStatus === "number" ? evidence.httpStatus : null;
    return {
      kind: "connection",
      tone: "error",
      sentence: `could not ${str(d, "what") ?? "reach Codat"}: ${status === null ? "Codat did not answer" : `Codat answered HTTP ${status}`}.`,
      help: helpFor(d),
    };
  },
    "push.enabled": () => ({ kind: "push", tone: "success", sentence: "turned data push on." }),
  "push.disabled": () => ({ kind: "push", tone: "warning", sentence: "turned data push off." }),
  "push_health.changed": (d) => {
    const to = pushHealthBadge(str(d, "to"));
    const from = str(d, "from");
    const cause = causeOf(d);
    return {
      kind: "push",
      tone: to.tone,
      sentence: `saw push health change${from ? ` from ${pushHealthBadge(from).label.toLowerCase()}` : ""} to ${to.label.toLowerCase()}${cause.words}.`,
      ...(str(d, "reason") ? { detail: str(d, "reason") ?? undefined } : {}),
      ...(cause.help ? { help: cause.help } : {}),
    };
  },
  "alert.opened": (d) => {
    const cause = causeOf(d);
    return {
      kind: "push",
      tone: "error",
      sentence: `opened an alert: the company's pushes to Sage 50 are ${pushHealthBadge(str(d, "state")).label.toLowerCase()}${cause.words}.`,
      ...(cause.help ? { help: cause.help } : {}),
    };
  },
  "alert.emailed": (d) => ({
    kind: "push",
    tone: "info",
    sentence: `emailed the alert to ${str(d, "to") ?? "the client's contact"}, with a repair link that opens the step ${quoted(stepTitle(str(d, "step")))}.`,
  }),
  "alert.not_emailed": () => ({
    kind: "push",
    tone: "warning",
    sentence: "could not email the alert: the company has no contact email. Add one and tell the client yourself.",
  }),
  "alert.closed": () => ({ kind: "push", tone: "success", sentence: "closed the alert: pushes to Sage 50 are healthy again." }),
  "push.enable_refused": (d) => ({
    kind: "push",
    tone: "warning",
    sentence: `tried to turn data push on; it was refused (${(str(d, "code") ?? "not ready").replace(/_/g, " ")}).`,
  }),
  "foreign_trader.confirmed": () => ({ kind: "wizard", tone: "neutral", sentence: "confirmed Foreign Trader is turned on in Sage 50." }),
  "note.added": (d) => ({ kind: "note", tone: "neutral", sentence: "left a note.", detail: str(d, "text") ?? undefined }),
  "step.reset": (d) => ({
    kind: "staff",
    tone: "warning",
    sentence: `reset the step ${quoted(stepTitle(str(d, "step")))}: the client does it again from there.`,
  }),
  "license_key.viewed": () => ({ kind: "staff", tone: "neutral", sentence: "looked at the license key." }),
};

export function describeEvent(type: string, data: Data): EventDescription {
  const describe = DESCRIBERS[type];
  if (describe) return describe(data);
  return { kind: "setup", tone: "neutral", sentence: `recorded “${type.replace(/[._]/g, " ").trim()}”.` };
}
