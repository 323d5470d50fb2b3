// Measurement 4: time from the simulator completing a test push to the status route reporting it.
import { FINAL_STATUSES, latestTestPush, simPushOperation, startTestPush } from "./scenario.mjs";
import { sleep } from "./util.mjs";

const POLL_EVERY_MS = 25;
const PUSH_TIME_LIMIT_MS = 20_000;

/**
 * Starts `runs` test pushes one after another (each after the previous one finished), spread over
 * `companies` (the app allows 10 test pushes per company per 10 minutes), polls the status route every
 * 25 ms and compares when it first reported a final status with when the simulator completed the
 * operation (completedOnUtc, read afterwards so that reading it cannot complete it).
 */
export async function measureTimeToVerdict({ base, companies, runs = 20, runId }) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const company = companies[i % companies.length];
    const started = await startTestPush(base, company.clientJar, company.id, `bench-verdict-${runId}-${i}`);
    const key = started.pushOperationKey;
    if (!key) throw new Error(`test push ${i} got no push operation key: ${JSON.stringify(started).slice(0, 300)}`);
    let seenAt = null;
    let status = started.status;
    let polls = 0;
    const deadline = Date.now() + PUSH_TIME_LIMIT_MS;
    if (FINAL_STATUSES.has(status)) seenAt = Date.now();
    while (seenAt === null && Date.now() < deadline) {
      await sleep(POLL_EVERY_MS);
      const view = await latestTestPush(base, company.clientJar, company.id);
      polls++;
      if (view?.id === started.id && FINAL_STATUSES.has(view.status)) {
        seenAt = Date.now();
        status = view.status;
      }
    }
    if (seenAt === null) throw new Error(`test push ${i} (${key}) was not final after ${PUSH_TIME_LIMIT_MS} ms`);
    const op = await simPushOperation(base, company.codatCompanyId, key);
    const completedAt = Date.parse(op.completedOnUtc);
    if (!Number.isFinite(completedAt)) throw new Error(`the simulator reports no completedOnUtc for ${key}: ${JSON.stringify(op).slice(0, 300)}`);
    samples.push({
      run: i,
      company: company.name,
      status,
      simStatus: op.status,
      requestedAt: op.requestedOnUtc,
      completedAt: op.completedOnUtc,
      seenAt: new Date(seenAt).toISOString(),
      verdictMs: seenAt - completedAt,
      polls,
    });
  }
  return samples;
}
