import type { Page } from "@playwright/test";

/**
 * The Content-Security-Policy violations a page reports, from before its first script on: the
 * returned list fills as the browser reports them ("CSP violation: <directive> <blocked> <source>").
 */
export async function collectCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.text().startsWith("CSP violation:")) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return violations;
}
