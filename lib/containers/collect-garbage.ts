import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * A full garbage collection, now. Parsing a large YAML file leaves hundreds of MB of parser
 * events behind; V8 would keep them until its heap had grown well past that, so a 100,000-
 * interaction cassette peaked at 1 GB. Collecting right after the parse keeps the peak near
 * what is live. A no-op where `gc` cannot be reached.
 */
let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      const found: unknown = runInNewContext("gc");
      gc = typeof found === "function" ? () => void found() : null;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
