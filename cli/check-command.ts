import { stat } from "node:fs/promises";
import { loadLimits } from "@/lib/config";
import { FAMILIES } from "@/lib/model/exchange";
import type { ReadLimits } from "@/lib/model/limits";
import { checkDirectory, type CheckReport } from "@/lib/recording/check";
import { parseCommand, positionals, UsageError } from "./args";

export const CHECK_HELP = `Usage: tapedeck check <dir> [--json] [--secrets] [--drift [--strict]]

Decodes every recording under <dir> (a recordings folder, a suite folder or a whole checkout):
llama-stack recordings and HTTP cassettes (vcrpy, go-vcr, Ruby VCR, Polly HAR, LangChain, httprr).
Reports the files by recorder, the interactions each provider decoded, those that fell back to
the generic HTTP view (by host, with why), and every file that failed, with the reason. Never writes.

Candidates are .json .yaml .yml .har .yaml.gz .yml.gz .httprr .httprr.gz files; which are
recordings is decided by their content. One that is not a recording is skipped, except in a
folder named recordings, cassettes or vcr_cassettes, where it fails. When <dir> contains folders
named "recordings", only .json files below them count. node_modules and .git are never entered.

Options:
  --json      print one JSON object: {"files", "interactions", "formats", "decoded", "generic",
              "generic_hosts", "skipped", "failed", "interaction_problems"}
  --drift     also report recordings that will miss: drift groups (recordings of one test whose
              requests are equal once volatile ids are masked), stale names (a llama-stack file
              name that is not the hash of its request) and orphans (recordings whose test
              function no longer exists, when the test sources are present); --json adds
              "drift": [{"test", "paths", "fields"}], "stale_names" and "orphans"
  --strict    with --drift: exit 1 when it finds any (it never does otherwise)
  --secrets   also find the credentials that leaked into the recordings (as "tapedeck secrets"
              does); any finding fails the check; --json adds "findings": [{"path",
              "interaction", "location", "rule", "preview", "fingerprint"}]
  -h, --help  show this help

Limits come from TAPEDECK_MAX_FILE_MB, TAPEDECK_MAX_DECODED_MB, TAPEDECK_MAX_YAML_ALIASES and
TAPEDECK_MAX_STREAM_EVENTS (see the README).

Exit status: 0 when no file failed, 1 when a file failed (or, with --strict, drift was found;
or, with --secrets, a credential), 2 on bad usage.`;

function sortedCounts(counts: Record<string, number | undefined>): [string, number][] {
  return Object.entries(counts)
    .flatMap(([key, value]): [string, number][] => (value ? [[key, value]] : []))
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
}

/** The check, with the secrets scan of each file as it is read when asked (one read for both). */
async function checkAndScan(dir: string, limits: ReadLimits, withSecrets: boolean) {
  if (!withSecrets) return { report: await checkDirectory(dir, limits), secrets: null };
  // Loaded only for --secrets: the scan brings secretlint's rules.
  const [{ checkAndScanDirectory }, { renderSecrets, secretsJson }] = await Promise.all([
    import("@/lib/secrets/scan-directory"),
    import("./secrets-command"),
  ]);
  const { check, secrets } = await checkAndScanDirectory(dir, limits);
  return {
    report: check,
    secrets: {
      found: secrets.findings.length > 0,
      json: secretsJson(secrets).findings,
      lines: renderSecrets(secrets),
    },
  };
}

/** The drift report, its JSON and its lines: loaded only for --drift (it brings the request diff). */
async function driftOf(dir: string, limits: ReadLimits) {
  const [{ driftReport, hasDrift }, { driftJson }, { driftFrom, renderDrift }] = await Promise.all([
    import("@/lib/match/drift-report"),
    import("@/lib/match/match-json"),
    import("./render-drift"),
  ]);
  const drift = driftFrom(dir, await driftReport(dir, limits));
  return { found: hasDrift(drift), json: driftJson(drift), text: renderDrift(drift) };
}

function checkJson(report: CheckReport) {
  const decoded = Object.fromEntries(
    FAMILIES.flatMap((family) => (report.decoded[family] ? [[family, report.decoded[family]]] : [])),
  );
  return {
    files: report.files,
    interactions: report.interactions,
    formats: report.formats,
    decoded,
    generic: report.generic,
    generic_hosts: Object.fromEntries(sortedCounts(report.genericHosts)),
    skipped: report.skipped,
    failed: report.failed,
    interaction_problems: report.interactionProblems,
  };
}

export async function checkCommand(argv: string[]): Promise<number> {
  const { values, positionals: args } = parseCommand(
    argv,
    {
      json: { type: "boolean" },
      drift: { type: "boolean" },
      strict: { type: "boolean" },
      secrets: { type: "boolean" },
    },
    CHECK_HELP,
  );
  if (values.help) {
    console.log(CHECK_HELP);
    return 0;
  }
  const [dir = ""] = positionals(args, ["dir"], CHECK_HELP);
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(`not a directory: ${dir}`, CHECK_HELP);

  const { report, secrets } = await checkAndScan(dir, loadLimits(), values.secrets === true);
  const drift = values.drift || values.strict ? await driftOf(dir, loadLimits()) : null;
  if (values.json) {
    console.log(
      JSON.stringify({
        ...checkJson(report),
        ...(drift ? drift.json : {}),
        ...(secrets ? { findings: secrets.json } : {}),
      }),
    );
  } else {
    const formats = sortedCounts(report.formats).map(([format, count]) => `${count} ${format}`);
    console.log(
      `${report.files} recording files under ${dir} (${formats.join(", ") || "none"}), ${report.interactions} interactions`,
    );
    if (report.skipped > 0) console.log(`  ${report.skipped} other candidate files skipped (not recordings)`);
    console.log("Interactions by provider:");
    for (const [family, count] of sortedCounts(report.decoded))
      console.log(`  ${String(count).padStart(6)}  ${family}`);
    console.log(`  ${String(report.generic).padStart(6)}  generic (no provider matched)`);
    for (const [host, count] of sortedCounts(report.genericHosts))
      console.log(`          ${count} × ${host}`);
    for (const file of report.genericFiles.slice(0, 50)) {
      const at = file.interaction === null ? "" : ` #${file.interaction}`;
      console.log(`          ${file.path}${at}: ${file.reason}`);
    }
    if (report.genericFiles.length > 50)
      console.log(`          … and ${report.genericFiles.length - 50} more`);
    if (report.interactionProblems.length > 0) {
      console.log(`  ${String(report.interactionProblems.length).padStart(6)}  interactions with a problem`);
      for (const item of report.interactionProblems)
        console.log(`          ${item.path} #${item.interaction}: ${item.reason}`);
    }
    console.log(`  ${String(report.failed.length).padStart(6)}  failed files`);
    for (const file of report.failed) console.log(`          ${file.path}: ${file.reason}`);
    if (drift) console.log(drift.text);
    if (secrets) console.log(`Credentials:\n${secrets.lines.join("\n")}`);
  }
  if (report.failed.length > 0 || secrets?.found) return 1;
  return values.strict && drift?.found ? 1 : 0;
}
