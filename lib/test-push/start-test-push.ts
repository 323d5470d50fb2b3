import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import { createSupplier, getSupplierPushOptions } from "@/lib/codat/suppliers";
import { isCodatError } from "@/lib/codat/errors";
import { appErrorForCodat, codatErrorCode, codatErrorEvidence, pushOperationEvidence } from "@/lib/codat-errors/explain-codat-error";
import { recordCodatFailure } from "@/lib/codat-errors/record-codat-failure";
import { requestErrorAnswer } from "@/lib/sage/codat-request-errors";
import { CODAT_ADDRESS_TYPES, type CodatAddressType, type PushOperation } from "@/lib/codat/types";
import { log } from "@/lib/log";
import { AppError } from "@/lib/errors";
import { actorRef, type Actor } from "@/lib/auth/actor";
import type { CompanyRow } from "@/lib/db/queries/companies";
import { getSettings } from "@/lib/db/queries/settings";
import { recordEvent } from "@/lib/db/queries/events";
import {
  findTestPushByIdempotencyKey,
  getRunningTestPush,
  getTestPush,
  insertTestPushIfNone,
  updateRunningTestPush,
  type TestPushRow,
} from "@/lib/db/queries/test-pushes";
import { buildTestSupplier, DOCUMENTED_TEST_SUPPLIER_RULES, testSupplierRulesFromOptions, type TestSupplierRules } from "@/lib/sage/test-supplier";
import { refreshConnection } from "@/lib/setup/refresh-connection";
import { applyPushOperation } from "./apply-push-operation";
import { findLandedTestPush } from "./find-landed-test-push";
import { TEST_PUSH_GRACE_MS } from "./constants";

const CREATE_SUPPLIER = "POST /companies/{companyId}/connections/{connectionId}/push/suppliers";

/**
 * Starts the verified test push: one clearly labelled test supplier, pushed with a timeout.
 * Idempotent: the same Idempotency-Key, a double click, two tabs or two app instances all get the
 * one running push of the company (the database's unique indexes decide).
 *
 * Codat is called between two sets of writes, and no transaction is held open across that call:
 * the push is claimed (its row and "started" event, one transaction), Codat is asked, then the
 * answer is written (the operation key and the outcome, or the error and its event, one
 * transaction). A crash while Codat is asked leaves a push "starting" with no operation key, which
 * `refreshTestPush` gives up as an error after a while (see `TEST_PUSH_START_STALE_MS`).
 */
export async function startTestPush(
  db: Db,
  codat: CodatClient,
  opts: { company: CompanyRow; actor: Actor | { type: "system" }; idempotencyKey?: string | null },
): Promise<TestPushRow> {
  const key = opts.idempotencyKey ?? null;
  if (key) {
    const earlier = await findTestPushByIdempotencyKey(db, opts.company.id, key);
    if (earlier) return earlier;
  }
  const running = await getRunningTestPush(db, opts.company.id);
  if (running) return running;

  const company = await refreshBeforePush(db, codat, opts.company);
  if (company.connectionStatus !== "Linked" || !company.codatConnectionId) {
    throw new AppError(
      "connection_not_linked",
      "The Sage 50 connector is not linked yet, so a test push cannot reach Sage 50. Finish installing the connector first.",
    );
  }

  // An earlier push that timed out may have reached Sage 50 after all: report it, push no duplicate.
  const landed = await findLandedTestPush(db, codat, company);
  if (landed) return landed;

  const settings = await getSettings(db);
  const now = new Date();
  // The admin's deadline at the time of this push; a push already running keeps its own.
  const timeoutInMinutes = settings.testPushTimeoutMinutes;
  const connectionId = company.codatConnectionId;
  const rules = await readSupplierRules(codat, company, connectionId);
  const supplier = buildTestSupplier({ integratorName: settings.integratorName, attempt: now, randomSuffix: randomUUID(), rules: rules.rules });
  const who = actorRef(opts.actor);
  const row = await db.transaction(async (tx) => {
    const inserted = await insertTestPushIfNone(tx, {
      companyId: company.id,
      connectionId,
      idempotencyKey: key,
      supplierRef: supplier.id,
      supplierName: supplier.supplierName,
      timeoutInMinutes,
      deadlineAt: new Date(now.getTime() + timeoutInMinutes * 60_000 + TEST_PUSH_GRACE_MS),
      startedByType: who.actorType === "staff" || who.actorType === "client" ? who.actorType : "system",
      startedById: who.actorId,
      startedAt: now,
    });
    if (!inserted) return null;
    await recordEvent(tx, {
      companyId: company.id,
      actor: who,
      type: "test_push.started",
      data: {
        testPushId: inserted.id,
        supplierRef: supplier.id,
        supplierName: supplier.supplierName,
        supplierRules: rules.rules.source,
        ...(rules.fallbackReason ? { supplierRulesFallback: rules.fallbackReason } : {}),
        ...(rules.rules.unfilledRequired.length ? { unfilledRequired: rules.rules.unfilledRequired } : {}),
      },
    });
    return inserted;
  });
  if (!row) {
    // Another request won the race: answer with its push.
    const winner = (key && (await findTestPushByIdempotencyKey(db, company.id, key))) || (await getRunningTestPush(db, company.id));
    if (winner) return winner;
    throw new AppError("test_push_running", "A test push was just started for this company. Wait for its result.");
  }

  let op: PushOperation;
  try {
    op = await createSupplier(
      codat,
      company.codatCompanyId,
      connectionId,
      {
        id: supplier.id,
        supplierName: supplier.supplierName,
        ...(supplier.contactName !== undefined ? { contactName: supplier.contactName } : {}),
        ...(supplier.addresses[0] ? { address: { line1: supplier.addresses[0].line1, type: codatAddressType(supplier.addresses[0].type) } } : {}),
      },
      { timeoutInMinutes: row.timeoutInMinutes },
    );
  } catch (err) {
    if (!isCodatError(err)) throw err;
    const diagnosisCode = codatErrorCode(err);
    const evidence = codatErrorEvidence(err, { hide: [company.codatCompanyId] });
    return db.transaction(async (tx) => {
      const failed = await updateRunningTestPush(tx, row.id, {
        status: "error",
        statusCode: err.status ?? null,
        errorMessage: evidence.errorMessage,
        validation: err.validation ?? null,
        completedAt: new Date(),
        diagnosisCode,
        evidence,
      });
      // Another instance (the follower, past the deadline) may have finished it first: its event stands.
      if (!failed) return (await getTestPush(tx, company.id, row.id)) ?? row;
      await recordEvent(tx, {
        companyId: company.id,
        actor: actorRef({ type: "system" }),
        type: "test_push.error",
        data: { testPushId: row.id, codatError: err.code, diagnosisCode, message: requestErrorAnswer(diagnosisCode).message, evidence },
      });
      return failed;
    });
  }
  // The operation key and what Codat already reports (a final outcome with its event): one transaction.
  return db.transaction(async (tx) => {
    const evidence = pushOperationEvidence(op, CREATE_SUPPLIER, { hide: [company.codatCompanyId] });
    const withKey =
      (await updateRunningTestPush(tx, row.id, { pushOperationKey: op.key, status: "pending", codatStatus: op.status, evidence })) ?? row;
    return applyPushOperation(tx, withKey, op, "poll");
  });
}

/**
 * A company not known to be Linked is asked about first. When Codat cannot say, the push stops with
 * what Codat's answer meant (a refused key is not "the connector is not linked"), kept on the timeline.
 */
async function refreshBeforePush(db: Db, codat: CodatClient, company: CompanyRow): Promise<CompanyRow> {
  const unsure = company.connectionStatus !== "Linked";
  try {
    return await refreshConnection(db, codat, company, { force: unsure, rethrow: unsure });
  } catch (err) {
    if (!isCodatError(err)) throw err;
    await recordCodatFailure(db, company, err, "check the connection before a test push");
    throw appErrorForCodat(err);
  }
}

/**
 * The test supplier's rules from the connection's supplier push options; when Codat cannot give them
 * (any request error), the documented defaults, with the reason for the push's start event and the log.
 */
async function readSupplierRules(
  codat: CodatClient,
  company: CompanyRow,
  connectionId: string,
): Promise<{ rules: TestSupplierRules; fallbackReason: string | null }> {
  try {
    const options = await getSupplierPushOptions(codat, company.codatCompanyId, connectionId);
    const rules = testSupplierRulesFromOptions(options);
    if (rules.unfilledRequired.length) {
      log.warn("supplier push options require fields the test supplier does not fill", { companyId: company.id, unfilledRequired: rules.unfilledRequired });
    }
    return { rules, fallbackReason: null };
  } catch (err) {
    if (!isCodatError(err)) throw err;
    const reason = `Codat did not give the supplier push options (${err.status ?? err.code}); Sage 50's documented supplier rules were used.`;
    log.warn("supplier push options unreadable; documented rules used", { companyId: company.id, codatError: err.code, status: err.status });
    return { rules: DOCUMENTED_TEST_SUPPLIER_RULES, fallbackReason: reason };
  }
}

/** The options' address type as Codat's enum; a value outside it is left to Codat's default. */
function codatAddressType(type: string | undefined): CodatAddressType | undefined {
  return CODAT_ADDRESS_TYPES.find((t) => t === type);
}
