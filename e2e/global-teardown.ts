import { hashTree } from "./deploy/tree-hash";

/** Roots served by the end-to-end web servers, by the variable their "before" hash is kept in. */
export const E2E_ROOTS: Readonly<Record<string, string>> = {
  TAPEDECK_E2E_HASH_RECORDINGS: "recordings",
};

/** Fails the run when a root the app served changed during it: Tapedeck never writes inside the root. */
export default function globalTeardown(): void {
  const changed = Object.entries(E2E_ROOTS).filter(
    ([variable, root]) => process.env[variable] === undefined || process.env[variable] !== hashTree(root),
  );
  if (changed.length > 0) {
    throw new Error(
      `the end-to-end run changed files inside ${changed.map(([, root]) => root).join(", ")}: Tapedeck must never write inside the root`,
    );
  }
}
