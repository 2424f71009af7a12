import { resolve } from "node:path";

/**
 * Where tests find the real corpus: `../shared/corpus` beside the checkout (as CI lays it), or
 * `TAPEDECK_SHARED`. Tests that read it skip when it is absent.
 */
export const CORPUS = resolve(process.env.TAPEDECK_SHARED ?? "../shared", "corpus");

/**
 * The large cassettes, extracted from `corpus/cassettes-large.tar.gz` by whoever runs the tests
 * (`TAPEDECK_LARGE_CASSETTES=<dir>`); the tests that read them count them only when it is set.
 */
export const LARGE_CASSETTES = process.env.TAPEDECK_LARGE_CASSETTES ?? "/nonexistent-large-cassettes";
