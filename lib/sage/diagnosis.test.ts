import { describe, expect, it } from "vitest";
import { classifyPush, diagnosePush } from "./diagnosis";
import { DIAGNOSIS_CODES, isDiagnosisCode, type Diagnosis } from "./diagnosis-codes";
import { DIAGNOSIS_CASES } from "./diagnosis.fixtures";
import { helpTopicBySlug } from "./help-topics";

const allText = (d: Diagnosis) =>
  [d.title, d.explanation, ...d.clientSteps, ...d.supportChecks, ...d.candidates.flatMap((c) => [c.title, c.reason, ...c.fix])].join("\n");

describe("diagnosePush", () => {
  it.each(DIAGNOSIS_CASES)("$name → $code", ({ input, code, confidence, mentions = [], absent = [] }) => {
    const diagnosis = diagnosePush(input);
    expect(diagnosis.code).toBe(code);
    if (confidence) expect(diagnosis.confidence).toBe(confidence);
    expect(classifyPush(input)).toBe(code);
    const text = allText(diagnosis);
    for (const words of mentions) expect(text).toContain(words);
    const clientText = [diagnosis.title, diagnosis.explanation, ...diagnosis.clientSteps].join("\n");
    for (const words of absent) expect(clientText).not.toContain(words);
  });

  it("has a case for every diagnosis code (a cause the facts never single out, such as a paused connector, as a candidate)", () => {
    const covered = new Set(DIAGNOSIS_CASES.flatMap((c) => [c.code, ...diagnosePush(c.input).candidates.map((candidate) => candidate.code)]));
    expect(DIAGNOSIS_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });

  it.each(DIAGNOSIS_CASES)("$name: well-formed for people", ({ input }) => {
    const d = diagnosePush(input);
    expect(d.title.length).toBeGreaterThan(0);
    expect(d.explanation.length).toBeGreaterThan(0);
    expect(d.clientSteps.length).toBeGreaterThan(0);
    expect(d.supportChecks.length).toBeGreaterThan(0);
    expect(d.reason.length).toBeGreaterThan(0);
    expect(helpTopicBySlug(d.helpSlug)?.diagnosisCode).toBe(d.code);
    for (const candidate of d.candidates) {
      expect(candidate.code).not.toBe(d.code);
      expect(helpTopicBySlug(candidate.helpSlug)?.diagnosisCode).toBe(candidate.code);
      expect(candidate.fix.join("\n")).not.toMatch(/PendingAuth|Deauthorized|TimedOut|HTTP|\bnull\b|undefined|NaN/);
    }
    // Client-facing words carry no Codat jargon and no leaked programming values.
    const clientText = [d.title, d.explanation, ...d.clientSteps].join("\n");
    expect(clientText).not.toMatch(/PendingAuth|Deauthorized|TimedOut|HTTP|\bnull\b|undefined|NaN/);
    expect(allText(d)).not.toMatch(/\bnull\b|undefined|NaN|\[object/);
  });

  it.each<[Diagnosis["code"], Diagnosis["severity"], boolean]>([
    ["push_succeeded", "ok", false],
    ["push_pending", "info", false],
    ["push_slow", "warning", false],
    ["connector_offline", "error", true],
    ["concurrent_login", "error", true],
    ["invalid_test_record", "error", false],
    ["codat_unavailable", "warning", true],
  ])("%s has severity %s and retryable %s", (code, severity, retryable) => {
    const example = DIAGNOSIS_CASES.find((c) => c.code === code);
    if (!example) throw new Error(`no fixture for ${code}`);
    expect(diagnosePush(example.input)).toMatchObject({ severity, retryable });
  });

  it("recognises diagnosis codes", () => {
    expect(isDiagnosisCode("concurrent_login")).toBe(true);
    expect(isDiagnosisCode("nope")).toBe(false);
  });
});
