/**
 * The API reference shown by a kept viewer (decision 020). That viewer brings the page's own `<main>`
 * and inserts `<style>` elements of its own, so the layout and the security headers treat this one
 * page apart; `/docs/api/plain` is an ordinary page.
 */
export function isApiReferenceViewerPage(pathname: string): boolean {
  return pathname === "/docs/api";
}
