import { hashTree } from "./deploy/tree-hash";
import { E2E_ROOTS } from "./global-teardown";

/** Hashes the recordings the end-to-end servers read, so the teardown can prove nothing wrote there. */
export default function globalSetup(): void {
  for (const [variable, root] of Object.entries(E2E_ROOTS)) process.env[variable] = hashTree(root);
}
