/**
 * The test a file belongs to when neither its content nor its recorder's naming scheme says:
 * the file's stem (`a/b/test_x.yaml.gz` → `test_x`).
 */
export function testFromPath(relPath: string): string | null {
  const name = relPath.slice(relPath.lastIndexOf("/") + 1);
  const stem = name.replace(/(\.(json|ya?ml|har|httprr))?(\.gz)?$/i, "");
  return stem === "" ? null : stem;
}
