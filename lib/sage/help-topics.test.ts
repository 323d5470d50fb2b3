import { describe, expect, it } from "vitest";
import { DIAGNOSIS_CODES } from "./diagnosis-codes";
import { FOREIGN_TRADER_HELP_SLUG } from "./help-slugs";
import { HELP_TOPICS, helpSlugFor, helpTopicBySlug, helpTopicForCode } from "./help-topics";

describe("help topics", () => {
  it.each(DIAGNOSIS_CODES)("%s has exactly one help topic", (code) => {
    const topics = HELP_TOPICS.filter((topic) => topic.diagnosisCode === code);
    expect(topics).toHaveLength(1);
    expect(topics[0]?.slug).toBe(helpSlugFor(code));
    expect(helpTopicForCode(code)).toEqual(topics[0]);
  });

  it("has unique kebab-case slugs", () => {
    const slugs = HELP_TOPICS.map((topic) => topic.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(HELP_TOPICS.map((topic) => [topic.slug, topic] as const))("%s is complete", (_slug, topic) => {
    expect(topic.title.length).toBeGreaterThan(0);
    expect(topic.summary.length).toBeGreaterThan(0);
    expect(topic.why.length).toBeGreaterThan(0);
    expect(topic.fixSteps.length).toBeGreaterThan(0);
    expect(topic.supportChecks.length).toBeGreaterThan(0);
    // Client-facing text avoids Codat's status names.
    const clientText = [topic.title, topic.summary, topic.why, ...topic.fixSteps].join("\n");
    expect(clientText).not.toMatch(/PendingAuth|Deauthorized|TimedOut|HTTP/);
  });

  it("finds topics by slug", () => {
    expect(helpTopicBySlug("login-already-in-use")?.diagnosisCode).toBe("concurrent_login");
    expect(helpTopicBySlug(FOREIGN_TRADER_HELP_SLUG)?.diagnosisCode).toBeNull();
    expect(helpTopicBySlug("nope")).toBeNull();
  });
});
