import { describe, expect, it } from "vitest";

type Failures = {
  vitestFailures: (report: unknown, root: string) => string[];
  playwrightFailures: (suites: unknown) => string[];
};
// The test runner's scripts are plain JavaScript run by node: imported by a name tsc does not follow.
const file = "./test-failures.mjs";
const { playwrightFailures, vitestFailures } = (await import(/* @vite-ignore */ file)) as Failures;

describe("vitestFailures", () => {
  it("names each failed test with its file and the first line of its error, and skips passes", () => {
    const report = {
      testResults: [
        {
          name: "/repo/lib/a.test.ts",
          status: "failed",
          message: "",
          assertionResults: [
            { fullName: "a works", status: "passed", failureMessages: [] },
            { fullName: "a › fails", status: "failed", failureMessages: ["\nAssertionError: expected 1 to be 2\n    at x"] },
          ],
        },
        { name: "/repo/lib/b.test.ts", status: "passed", message: "", assertionResults: [{ fullName: "b", status: "passed" }] },
      ],
    };
    expect(vitestFailures(report, "/repo")).toEqual(["lib/a.test.ts › a › fails: AssertionError: expected 1 to be 2"]);
  });

  it("names a file that failed before any test ran", () => {
    const report = { testResults: [{ name: "/repo/c.test.ts", status: "failed", message: "Cannot find module 'x'\nstack", assertionResults: [] }] };
    expect(vitestFailures(report, "/repo")).toEqual(["c.test.ts: Cannot find module 'x'"]);
  });

  it("answers nothing for a missing report", () => {
    expect(vitestFailures(null, "/repo")).toEqual([]);
  });
});

describe("playwrightFailures", () => {
  it("names unexpected and flaky tests with their describe path, at any depth", () => {
    const suites = [
      {
        title: "wizard.spec.ts",
        specs: [{ title: "passes", tests: [{ status: "expected", results: [] }] }],
        suites: [
          {
            title: "a new company",
            specs: [
              { title: "step one", tests: [{ status: "unexpected", results: [{ error: { message: "Timed out 5000ms\nCall log" } }] }] },
              { title: "step two", tests: [{ status: "flaky", results: [{ error: { message: "expect(locator).toBeVisible()" } }, {}] }] },
            ],
          },
        ],
      },
    ];
    expect(playwrightFailures(suites)).toEqual([
      "wizard.spec.ts › a new company › step one (unexpected): Timed out 5000ms",
      "wizard.spec.ts › a new company › step two (flaky): expect(locator).toBeVisible()",
    ]);
  });
});
