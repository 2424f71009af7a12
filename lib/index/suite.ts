/**
 * The suite a recording belongs to, from its path: `tests/integration/<suite>/recordings/x.json`
 * → `<suite>`; the legacy `recordings/<kind>/x.json` → `<kind>`; otherwise the parent folder.
 */
export function suiteOf(relPath: string): string {
  const segments = relPath.split("/");
  const at = segments.lastIndexOf("recordings");
  if (at !== -1) {
    const after = segments.length - at - 1;
    if (after >= 2) return segments[at + 1] ?? "(root)";
    if (at >= 1) return segments[at - 1] ?? "(root)";
    return "recordings";
  }
  return segments.length >= 2 ? (segments[segments.length - 2] ?? "(root)") : "(root)";
}
