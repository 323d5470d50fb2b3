/** Browser tests create and change data freely: refuse to run them against a database that is not local. */
export function assertLocalDatabase(url: string | undefined) {
  if (!url) return; // the embedded PGlite under .data-e2e
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run browser tests against a non-local database (${host}).`);
  }
}
