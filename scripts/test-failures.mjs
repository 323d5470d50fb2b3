// Names what failed in a vitest or Playwright JSON report, one line each, so the end of a test
// run's log says which test broke without scrolling back through it.
import path from "node:path";

/** The first non-blank line of a failure message, cut to 200 characters. */
function firstLine(message) {
  const line = String(message ?? "").split("\n").find((l) => l.trim()) ?? "";
  return line.trim().slice(0, 200);
}

/** "file › test name: first line of the error" for each failed vitest test (or failed file). */
export function vitestFailures(report, root) {
  return (report?.testResults ?? []).flatMap((file) => {
    const where = path.relative(root, file.name);
    const tests = (file.assertionResults ?? [])
      .filter((t) => t.status === "failed")
      .map((t) => `${where} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
    // A file that failed before its tests ran (an import error, say) has no failed test to name.
    return tests.length === 0 && file.status === "failed" ? [`${where}: ${firstLine(file.message)}`] : tests;
  });
}

/** "suite › test (unexpected|flaky): first line of the error" for each such Playwright test. */
export function playwrightFailures(suites, titles = []) {
  return (suites ?? []).flatMap((suite) => {
    const here = suite.title ? [...titles, suite.title] : titles;
    const own = (suite.specs ?? []).flatMap((spec) =>
      (spec.tests ?? [])
        .filter((t) => t.status === "unexpected" || t.status === "flaky")
        .map((t) => {
          const error = t.results?.find((r) => r.error)?.error?.message;
          return `${[...here, spec.title].join(" › ")} (${t.status}): ${firstLine(error)}`;
        }),
    );
    return [...own, ...playwrightFailures(suite.suites, here)];
  });
}
