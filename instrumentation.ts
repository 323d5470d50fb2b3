/**
 * Next.js calls this once when a server starts. Only the Node.js runtime does start-up work; when it
 * cannot be done (invalid configuration, say) the process exits with the reason.
 */
export async function register() {
  // NEXT_RUNTIME is set by Next.js itself, not by configuration.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startUpOrExit } = await import("./lib/server/start-up");
  await startUpOrExit();
}
