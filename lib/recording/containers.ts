import type { Container } from "@/lib/containers/container";
import { llamaStackContainer } from "@/lib/containers/llama-stack";

/**
 * The recorders, in the order their `sniff` is tried on a file's first few KB. Each sniff looks
 * for what only its recorder writes, so the order matters only for speed (llama-stack first).
 */
export const CONTAINERS: readonly Container[] = [llamaStackContainer];
