import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import { openAppStack, type AppStack } from "@/lib/testing/app-stack";
import { createSetup } from "@/lib/setup/create-setup";
import { refreshConnection } from "@/lib/setup/refresh-connection";
import { updateProgress } from "@/lib/db/queries/progress";
import { listCompanyEvents } from "@/lib/db/queries/events";
import { insertStaff } from "@/lib/db/queries/staff";
import { errorResponse } from "@/lib/api/error-response";
import { loadCompanyDetail } from "@/lib/support/load-company-detail";
import type { StaffActor } from "@/lib/auth/actor";
import type { SessionClaims } from "@/lib/auth/auth.config";
import type { RequestErrorCode } from "@/lib/sage/codat-request-errors";
import { startTestPush } from "./start-test-push";
import { refreshTestPush } from "./refresh-test-push";
import { getLatestTestPushView } from "./get-test-push-view";

/**
 * Every request error Codat can answer, forced through the simulator's `failNext` and met by the
 * real services over HTTP: what is stored (diagnosis and evidence), what the client is told, what
 * support's page shows, and how the API answers.
 */
const OUTAGE_WORDS = /not answering|did not answer|could not reach|outage|unavailable/i;

const EXPECTED: [number, RequestErrorCode][] = [
  [400, "invalid_test_record"],
  [401, "codat_auth_failed"],
  [403, "codat_auth_failed"],
  [404, "codat_not_found"],
  [409, "codat_conflict"],
  [429, "rate_limited"],
  [500, "codat_unavailable"],
  [503, "codat_unavailable"],
];

describeEachDatabase("Codat request errors on $name", ({ open }) => {
  let h: DbHandle;
  let stack: AppStack;
  let staff: StaffActor;
  const claims = (): SessionClaims => ({ kind: "staff", userId: staff.id, role: staff.role, sessionVersion: 1, name: staff.name, email: staff.email });

  beforeAll(async () => {
    h = await open();
    stack = await openAppStack(h);
    const user = await insertStaff(h.db, { email: "errors@example.com", name: "Erin", role: "support", passwordHash: "x" });
    staff = { type: "staff", id: user.id, role: "support", name: user.name, email: user.email };
  });
  afterEach(async () => {
    await failNext(null);
  });
  afterAll(async () => {
    await stack?.close();
    await h?.close();
  });

  async function failNext(value: { status: number; count: number } | null) {
    const res = await fetch(`${stack.url}/api/sim/config`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ failNext: value }),
    });
    expect(res.status).toBe(200);
  }

  async function linkedCompany(name: string) {
    const { company } = await createSetup(h.db, stack.codat, { name, contactEmail: null, actor: staff, appUrl: stack.url });
    await stack.linkPc(company.codatCompanyId);
    await updateProgress(h.db, company.id, { pushUsername: "Acme Push", everydayUsernames: ["SARAH"] });
    return refreshConnection(h.db, stack.codat, company, { force: true });
  }

  it.each(EXPECTED)("a test push refused with %s is diagnosed %s, with Codat's evidence for support", async (status, code) => {
    const company = await linkedCompany(`Refused ${status} Ltd`);
    // Enough for every retry the adapter may make on both calls (the supplier push options, which
    // fall back to the documented rules, then the push); whatever is left is cleared after the test.
    await failNext({ status, count: 20 });
    const row = await startTestPush(h.db, stack.codat, { company, actor: staff });
    expect(row.status).toBe("error");
    expect(row.diagnosisCode).toBe(code);
    expect(row.evidence).toMatchObject({ httpStatus: status, statusCode: status, correlationId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(row.evidence?.request).toBe("POST /companies/{companyId}/connections/{connectionId}/push/suppliers");
    if (status === 400) expect(row.evidence?.validation?.errors.length).toBeGreaterThan(0);
    await failNext(null);

    // The push options could not be read either: the push's start says the documented rules were used.
    const started = (await listCompanyEvents(h.db, company.id)).find((e) => e.type === "test_push.started");
    expect(started?.data).toMatchObject({ supplierRules: "documented", supplierRulesFallback: expect.stringMatching(/documented/) });

    // The client: plain words, never "Codat is not answering" for a 4xx, and no evidence.
    const view = await getLatestTestPushView(h.db, stack.codat, claims(), company.id);
    expect(view?.diagnosis.code).toBe(code);
    expect(view).not.toHaveProperty("evidence");
    const clientWords = [view?.diagnosis.title, view?.diagnosis.explanation, ...(view?.diagnosis.clientSteps ?? [])].join(" ");
    if (status < 500) expect(clientWords).not.toMatch(OUTAGE_WORDS);
    if (code === "codat_auth_failed") {
      expect(clientWords).toMatch(/support has been alerted/i);
      expect(clientWords).not.toMatch(/restart|antivirus|wake|switch on/i);
    }

    // Support: the words and the evidence, on the push and on its timeline event.
    const detail = await loadCompanyDetail(h.db, company);
    expect(detail.diagnosis.code).toBe(code);
    expect(detail.testPushes[0]?.evidence).toMatchObject({ httpStatus: status, correlationId: row.evidence?.correlationId });
    const event = detail.timeline.find((e) => e.evidence?.httpStatus === status);
    expect(event?.description.sentence).toMatch(/could not send the test push to Codat/);
    // No secrets: the license key (Codat company id) and the API key stay out of what is stored.
    const events = await listCompanyEvents(h.db, company.id, { limit: 50 });
    const errorEvent = events.find((e) => e.type === "test_push.error");
    expect(errorEvent?.data).toMatchObject({ diagnosisCode: code, evidence: row.evidence });
    const stored = JSON.stringify([row.evidence, errorEvent?.data]);
    expect(stored).not.toContain(company.codatCompanyId);
    expect(stored).not.toContain(stack.env.apiKey);
  });

  it("keeps what Codat said about a push that ended in Failed", async () => {
    const company = await linkedCompany("Evidence Ltd");
    await stack.act(company.codatCompanyId, { type: "openSage", username: "Acme Push", password: "Pw12345" });
    const row = await startTestPush(h.db, stack.codat, { company, actor: staff });
    await stack.tick();
    await expect
      .poll(async () => (await getLatestTestPushView(h.db, stack.codat, claims(), company.id))?.status, { timeout: 8000 })
      .not.toMatch(/starting|pending/);
    const detail = await loadCompanyDetail(h.db, company);
    const push = detail.testPushes.find((p) => p.id === row.id);
    expect(push?.evidence).toMatchObject({ pushStatus: expect.stringMatching(/Failed|Success|TimedOut/), httpStatus: 200 });
    expect(push?.evidence?.request).toMatch(/GET \/companies\/\{companyId\}\/push\/\{pushOperationKey\}|webhook/);
  });

  it("keeps what Codat said when reading a running push fails, and the push keeps running", async () => {
    const company = await linkedCompany("Refresh Refused Ltd");
    await stack.act(company.codatCompanyId, { type: "powerOff" });
    const row = await startTestPush(h.db, stack.codat, { company, actor: staff });
    expect(row.status).toBe("pending");
    await failNext({ status: 404, count: 10 });
    const after = await refreshTestPush(h.db, stack.codat, row, company, { force: true });
    await failNext(null);
    expect(after.status).toBe("pending");
    expect(after.evidence).toMatchObject({ request: "GET /companies/{companyId}/push/{pushOperationKey}", httpStatus: 404 });
    expect(JSON.stringify(after.evidence)).not.toContain(company.codatCompanyId);
  });

  it("records a connection check Codat refuses once on the timeline, with its evidence; outages are only logged", async () => {
    const company = await linkedCompany("Gone At Codat Ltd");
    await failNext({ status: 404, count: 10 });
    await refreshConnection(h.db, stack.codat, company, { force: true });
    await refreshConnection(h.db, stack.codat, company, { force: true });
    await failNext({ status: 503, count: 10 });
    await refreshConnection(h.db, stack.codat, company, { force: true });
    await failNext(null);
    const failures = (await listCompanyEvents(h.db, company.id, { limit: 50 })).filter((e) => e.type === "codat.request_failed");
    expect(failures).toHaveLength(1);
    expect(failures[0]?.data).toMatchObject({ diagnosisCode: "codat_not_found", evidence: { httpStatus: 404, request: "GET /companies/{companyId}/connections/{connectionId}" } });
    const detail = await loadCompanyDetail(h.db, company);
    expect(detail.timeline.find((e) => e.evidence?.httpStatus === 404)?.description.help?.slug).toBe("company-missing-at-codat");
  });

  it("stops a test push on an unlinked company with what Codat's refusal meant, not 'not linked'", async () => {
    const { company } = await createSetup(h.db, stack.codat, { name: "Revoked Key Ltd", contactEmail: null, actor: staff, appUrl: stack.url });
    await failNext({ status: 401, count: 10 });
    const err = await startTestPush(h.db, stack.codat, { company, actor: staff }).then(() => null, (e: unknown) => e);
    expect(err).toMatchObject({ code: "codat_auth_failed", status: 502 });
    await failNext(null);
    const detail = await loadCompanyDetail(h.db, company);
    const event = detail.timeline.find((e) => e.evidence?.httpStatus === 401);
    expect(event?.description.help?.slug).toBe("codat-access-refused");
  });

  it.each(EXPECTED)("creating a setup when Codat answers %s is answered as %s by the API", async (status, code) => {
    await failNext({ status, count: 10 });
    const err = await createSetup(h.db, stack.codat, { name: `Setup ${status} Ltd`, contactEmail: null, actor: staff, appUrl: stack.url }).then(
      () => null,
      (e: unknown) => e,
    );
    await failNext(null);
    const res = errorResponse(err);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    if (status < 500) expect(body.error.message).not.toMatch(OUTAGE_WORDS);
    expect(res.status).toBe(code === "codat_unavailable" ? 503 : code === "rate_limited" ? 429 : code === "codat_conflict" ? 409 : 502);
    if (code === "codat_unavailable" || code === "rate_limited") expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
