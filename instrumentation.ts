/**
 * Runs once when a server starts, before it answers: the production server checks its
 * configuration here and exits with a message naming the variable when a value is bad.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NODE_ENV !== "production") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServerChecks } = await import("@/lib/server/startup");
  startServerChecks();
}
