import { stat } from "node:fs/promises";
import { loadLimits } from "@/lib/config";
import { ALLOW_FILE } from "@/lib/secrets/allow-list";
import { scanDirectory, type SecretsReport } from "@/lib/secrets/scan-directory";
import { parseCommand, UsageError } from "./args";

export const SECRETS_HELP = `Usage: tapedeck secrets [dir] [--json]

Finds the credentials that leaked into the recordings under [dir] (default: the current
directory): API keys and tokens in credential headers (authorization, x-api-key, api-key,
x-goog-api-key, …) and query parameters (key=, api_key=, …), AWS SigV4 credentials, passwords in
URLs, session cookies, and the known credential formats anywhere in a body (secretlint's
recommended rules). Bodies are scanned as decoded (JSON, SSE events), never their base64, images,
audio or embeddings; placeholders such as <ANTHROPIC_API_KEY>, REDACTED or "Bearer ***" are not
findings. Nothing is printed whole: each finding shows its first 4 and last 2 characters and a
fingerprint.

A known-harmless finding is allowed by putting its fingerprint on a line of ${ALLOW_FILE},
in [dir] or at the top of its git repository.

Options:
  --json      print {"files", "findings": [{"path", "interaction", "location", "rule", "preview",
              "fingerprint"}]}
  -h, --help  show this help

Exit status: 1 when a finding exists, 0 when none does, 2 on bad usage.`;

/** The findings as lines for a terminal: one per finding, grouped by file. */
export function renderSecrets(report: SecretsReport): string[] {
  const lines: string[] = [];
  let file = "";
  for (const finding of report.findings) {
    if (finding.path !== file) {
      file = finding.path;
      lines.push(file);
    }
    const at = finding.interaction === null ? "" : `#${finding.interaction} `;
    lines.push(`  ${at}${finding.location}: ${finding.rule} ${finding.preview} (${finding.fingerprint})`);
  }
  const files = new Set(report.findings.map((finding) => finding.path)).size;
  const allowed = report.allowed > 0 ? `; ${report.allowed} allowed by ${ALLOW_FILE}` : "";
  lines.push(
    report.findings.length === 0
      ? `No credential found in ${report.files} recording files${allowed}.`
      : `${report.findings.length} credential${report.findings.length === 1 ? "" : "s"} found in ${files} of ${report.files} recording files${allowed}.`,
  );
  return lines;
}

/** The JSON object `secrets --json` prints. */
export function secretsJson(report: SecretsReport) {
  return {
    files: report.files,
    findings: report.findings.map(({ path, interaction, location, rule, preview, fingerprint }) => ({
      path,
      interaction,
      location,
      rule,
      preview,
      fingerprint,
    })),
  };
}

export async function secretsCommand(argv: string[]): Promise<number> {
  const { values, positionals: args } = parseCommand(argv, { json: { type: "boolean" } }, SECRETS_HELP);
  if (values.help) {
    console.log(SECRETS_HELP);
    return 0;
  }
  if (args.length > 1) throw new UsageError(`unexpected argument: ${args[1] ?? ""}`, SECRETS_HELP);
  const dir = args[0] ?? ".";
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(`not a directory: ${dir}`, SECRETS_HELP);
  const report = await scanDirectory(dir, loadLimits());
  if (values.json) console.log(JSON.stringify(secretsJson(report)));
  else console.log(renderSecrets(report).join("\n"));
  return report.findings.length === 0 ? 0 : 1;
}
