import { describe, expect, it } from "vitest";
import { describeEvent } from "./describe-event";

describe("timeline sentences", () => {
  it.each([
    ["setup.created", { flow: "new" }, "created the setup (new company)."],
    ["wizard.push_user_saved", { pushUsername: "ACME PUSH", everydayUsernames: ["SARAH"] }, "created the push user “ACME PUSH” in Sage 50; everyday logins: “SARAH”."],
    ["connection.status_changed", { from: "PendingAuth", to: "Linked", seenBy: "webhook" }, "reported the connection changed from Waiting for connector to Linked (by webhook)."],
    ["test_push.started", { supplierName: "Acme Pay connection test" }, "started a test push of the supplier “Acme Pay connection test”."],
    ["push.disabled", {}, "turned data push off."],
    ["step.reset", { step: "push-user" }, "reset the step “Create the push user in Sage 50”: the client does it again from there."],
    ["license_key.viewed", {}, "looked at the license key."],
    ["webhook.received", { eventType: "suppliers.write.unsuccessful", status: "Failed" }, "sent the webhook “suppliers.write.unsuccessful” (Failed)."],
    ["test_push.success", { late: true }, "reported the test push succeeded after our deadline: the push reached Sage 50 after all."],
    [
      "test_push.success",
      { late: true, found: "supplier_exists" },
      "has the test supplier of a test push that had timed out: the push reached Sage 50 after all, so no second one was sent.",
    ],
    ["test_push.failed", { late: true }, "reported, after our deadline, that the test push failed."],
    [
      "connection.status_changed",
      { from: "Linked", to: "Unlinked", seenBy: "webhook", event: "connection.deleted" },
      "reported the connection changed from Linked to Unlinked (by webhook “connection.deleted”). The connection was deleted at Codat.",
    ],
    ["codat.request_failed", { what: "check the connection", evidence: { httpStatus: 401 } }, "could not check the connection: Codat answered HTTP 401."],
    ["push_health.changed", { from: "healthy", to: "at_risk" }, "saw push health change from healthy to at risk."],
    ["alert.closed", { alertId: "a1" }, "closed the alert: pushes to Sage 50 are healthy again."],
    ["codat.request_failed", { what: "check the connection", evidence: { httpStatus: null } }, "could not check the connection: Codat did not answer."],
  ])("%s", (type, data, sentence) => {
    expect(describeEvent(type, data).sentence).toBe(sentence);
  });

  it("links a failed test push to the help page of its diagnosis and quotes Codat's message", () => {
    const d = describeEvent("test_push.failed", { errorMessage: "Login in use", diagnosisCode: "concurrent_login" });
    expect(d).toMatchObject({ tone: "error", detail: "Login in use", help: { slug: expect.any(String) } });
    expect(describeEvent("test_push.failed", { diagnosisCode: "not-a-code" }).help).toBeUndefined();
  });

  it("names the cause of a health change and an alert, with its help page", () => {
    const changed = describeEvent("push_health.changed", { from: "healthy", to: "failing", cause: "concurrent_login", reason: "The last 3 writes failed." });
    expect(changed).toMatchObject({ tone: "error", detail: "The last 3 writes failed.", help: { slug: expect.any(String) } });
    expect(changed.sentence).toMatch(/^saw push health change from healthy to failing \(.+\)\.$/);
    const opened = describeEvent("alert.opened", { state: "disconnected", cause: "connection_unlinked" });
    expect(opened.sentence).toMatch(/^opened an alert: the company's pushes to Sage 50 are disconnected \(.+\)\.$/);
    expect(opened.help).toBeDefined();
  });

  it("still shows an event type it does not know, and survives odd data", () => {
    expect(describeEvent("api_key.created", {}).sentence).toBe("recorded “api key created”.");
    expect(describeEvent("wizard.push_user_saved", { pushUsername: 42, everydayUsernames: "x" }).sentence).toBe(
      "created the push user “42” in Sage 50.",
    );
    expect(describeEvent("note.added", { text: null }).detail).toBeUndefined();
  });
});
