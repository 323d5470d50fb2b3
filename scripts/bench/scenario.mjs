// The bench's actors on a running server: support signs in, creates setups, plays the client's PC
// through the simulator until the connector is linked, and opens the setup link as the client.
import { Buffer } from "node:buffer";
import { call, openSetupLink, signInStaff } from "./http.mjs";

const SUPPORT = { email: "support@example.com", password: "demo-support-2026" };
export const FINAL_STATUSES = new Set(["success", "failed", "timed_out", "error"]);

export const signInSupport = (base) => signInStaff(base, SUPPORT);

/** What the simulated Sage 50 PC does to link the connector (lib/simulator/pc/pc-actions.ts). */
function linkActions(codatCompanyId) {
  return [
    { type: "createSageUser", name: "Bench Push", userType: "Administrator", password: "Pw12345" },
    { type: "installConnector", licenseKey: codatCompanyId },
    { type: "chooseDataFile" },
    { type: "saveCredentials", username: "Bench Push", password: "Pw12345" },
    { type: "confirmCompany" },
  ];
}

/** A setup created by support, linked on the simulated PC, with the client's session. */
export async function createLinkedCompany(base, supportJar, name) {
  const created = await call(base, "/api/companies", {
    method: "POST",
    jar: supportJar,
    json: { name, contactEmail: "bench@example.com" },
    expect: [201],
  });
  const { company, setupLink } = created.body;
  for (const action of linkActions(company.codatCompanyId)) {
    await call(base, `/api/sim/pc/${company.codatCompanyId}/actions`, { method: "POST", json: action, expect: [200] });
  }
  const clientJar = await openSetupLink(base, setupLink.url);
  return { id: company.id, codatCompanyId: company.codatCompanyId, name, clientJar };
}

export async function setSimConfig(base, config) {
  return (await call(base, "/api/sim/config", { method: "PUT", json: config, expect: [200] })).body;
}

export async function startTestPush(base, jar, companyId, idempotencyKey) {
  const res = await call(base, `/api/companies/${companyId}/test-pushes`, {
    method: "POST",
    jar,
    headers: { "idempotency-key": idempotencyKey },
    expect: [202],
  });
  return res.body.testPush;
}

export async function latestTestPush(base, jar, companyId) {
  return (await call(base, `/api/companies/${companyId}/test-pushes`, { jar, expect: [200] })).body.testPush;
}

/** The simulator's own record of a push operation, read through its Codat API (Basic auth). */
export async function simPushOperation(base, codatCompanyId, key) {
  const auth = `Basic ${Buffer.from("simulator").toString("base64")}`;
  const res = await call(base, `/api/sim/codat/companies/${codatCompanyId}/push/${key}`, {
    headers: { authorization: auth },
    expect: [200],
  });
  return res.body;
}

/**
 * When the simulator sent the write webhook of each push operation of a company (`{dataType}.write.*`),
 * from its webhook log: push operation key -> the latest attempt's send time (ms since the epoch).
 */
export async function simWriteWebhooksSentAt(base, codatCompanyId, dataType = "suppliers") {
  const res = await call(base, `/api/sim/webhooks?companyId=${codatCompanyId}&limit=500`, { expect: [200] });
  const sent = new Map();
  for (const d of res.body.deliveries) {
    const at = Date.parse(d.lastSentAt ?? "");
    if (d.eventType.startsWith(`${dataType}.write.`) && Number.isFinite(at)) sent.set(d.body.payload.id, at);
  }
  return sent;
}

export async function simStats(base) {
  return (await call(base, "/api/sim/stats", { expect: [200] })).body.operations ?? {};
}

export async function resetSimStats(base) {
  await call(base, "/api/sim/stats/reset", { method: "POST", expect: [200] });
}

export const PUSH_POLL_OPERATION = "GET /companies/{companyId}/push/{pushOperationKey}";
