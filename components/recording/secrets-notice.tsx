import type { SecretFinding } from "@/lib/secrets/finding";
import { secretMask } from "@/lib/secrets/finding";

/**
 * The credentials found in a recording, named: where each is, the rule that found it, and the
 * mask that stands for it on this page (the value itself is never sent to the browser).
 */
export function SecretsNotice({ secrets }: { secrets: SecretFinding[] }) {
  if (secrets.length === 0) return null;
  return (
    <aside
      role="alert"
      aria-label="Credentials"
      data-testid="secrets-notice"
      className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-200"
    >
      <p className="font-medium">
        {secrets.length} credential{secrets.length === 1 ? "" : "s"} leaked into this recording. Each is
        masked below as <code>[secret rule: preview]</code>; revoke it, and filter it out in the recorder.
      </p>
      <ul className="mt-2 space-y-0.5 font-mono text-xs">
        {secrets.map((secret, i) => (
          <li key={i}>
            {secret.interaction === null ? "" : `#${secret.interaction} `}
            {secret.location}: <span className="font-semibold">{secretMask(secret)}</span>{" "}
            <span className="text-red-700/70 dark:text-red-300/70">fingerprint {secret.fingerprint}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
