/** Runs once when the server starts, before it answers any request. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;

  const { prepare } = await import("@/lib/startup");
  await prepare();

  // The delivery worker runs inside the server unless TRIPLINE_WORKER=off.
  const { startInProcessWorker } = await import("@/lib/worker");
  startInProcessWorker();
}
