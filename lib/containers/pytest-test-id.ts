/**
 * The pytest node id a cassette belongs to, from pytest-recording's naming scheme:
 * `<dir>/cassettes/<test module>/<test>.yaml` is the test `<dir>/<test module>.py::<test>`, and a
 * test method is saved as `<Class>.<test>.yaml` (`<dir>/<module>.py::<Class>::<test>`).
 * Parametrized ids are kept (`test_x[a-b]`). A path that says less gives the file's stem.
 */

/** The file name without its cassette extension (`.yaml`, `.yml`, `.yaml.gz`). */
export function cassetteStem(relPath: string): string {
  const name = relPath.slice(Math.max(relPath.lastIndexOf("/"), relPath.lastIndexOf("\\")) + 1);
  return name.replace(/\.ya?ml(\.gz)?$/i, "");
}

const IDENTIFIER = /^[A-Za-z_]\w*$/;

/**
 * The test part of a stem: `Class::test[params]`. A lower-case word after the test
 * (`test_x.xai`: pydantic-ai's gRPC samples) is the recorder's suffix, not part of the id.
 * A stem of another shape is kept whole.
 */
function testOfStem(stem: string): string {
  const open = stem.indexOf("[");
  const close = stem.lastIndexOf("]");
  const hasParams = open !== -1 && close > open;
  const params = hasParams ? stem.slice(open, close + 1) : "";
  const tail = hasParams ? stem.slice(close + 1) : "";
  const parts = (hasParams ? stem.slice(0, open) : stem).split(".");
  if (tail !== "" && !/^\.\w+$/.test(tail)) return stem;
  // pytest collects only `Test*` classes, so a capitalised first word is the class.
  const isClass = (word: string | undefined) => word !== undefined && /^[A-Z]/.test(word);
  if (!hasParams && parts.length === (isClass(parts[0]) ? 3 : 2)) parts.pop();
  if (!parts.every((part) => IDENTIFIER.test(part))) return stem;
  const [first, second] = parts;
  if (parts.length === 1) return `${first}${params}`;
  if (parts.length === 2 && isClass(first)) return `${first}::${second}${params}`;
  return stem;
}

/** The pytest node id of a cassette at `relPath`, else the file's stem (null for no name). */
export function pytestTestId(relPath: string): string | null {
  const parts = relPath.split(/[\\/]/).filter((part) => part !== "" && part !== ".");
  const stem = cassetteStem(relPath);
  if (stem === "") return null;
  const at = parts.length - 3;
  const testModule = parts[at + 1];
  if (at >= 0 && parts[at] === "cassettes" && testModule !== undefined) {
    return `${[...parts.slice(0, at), `${testModule}.py`].join("/")}::${testOfStem(stem)}`;
  }
  return stem;
}
