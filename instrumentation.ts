/** Next.js calls this once when a server starts. Only the Node.js runtime does start-up work. */
export async function register() {
  // NEXT_RUNTIME is set by Next.js itself, not by configuration.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startUp } = await import("./lib/server/start-up");
  await startUp();
}
