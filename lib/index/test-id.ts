/** A pytest node id split into its parts. */
export interface ParsedTestId {
  /** The whole id as recorded. */
  id: string;
  /** The id without its parametrization: every parametrization of one test shares it. */
  base: string;
  file: string;
  className: string | null;
  functionName: string;
  /** The text between the brackets, or null. */
  params: string | null;
  /** The provider named by a `txt=<provider>/<model>` parameter. */
  provider: string | null;
  /** The model named by that parameter. */
  model: string | null;
}

/**
 * Splits `tests/x/test_a.py::TestA::test_b[txt=openai/gpt-4o]`. Model names hold `-` and `:`,
 * as do pytest's joined parameter ids, so a known model (the one the request used) is preferred
 * when the parameters contain it.
 */
export function parseTestId(
  id: string,
  knownModel: string | null = null,
  /** For cassettes: the file's path, which names the test file when the id is not a pytest node id. */
  relPath: string | null = null,
): ParsedTestId {
  if (relPath !== null && !id.includes("::")) {
    // A Go test path (`TestClient/Batch`), a recording name: the folder holds the test's file.
    const slash = relPath.lastIndexOf("/");
    return {
      id,
      base: id,
      file: slash === -1 ? "" : relPath.slice(0, slash),
      className: null,
      functionName: id,
      params: null,
      provider: null,
      model: null,
    };
  }
  const bracket = id.indexOf("[");
  const params = bracket !== -1 && id.endsWith("]") ? id.slice(bracket + 1, -1) : null;
  const base = params === null ? id : id.slice(0, bracket);
  const parts = base.split("::");
  const file = parts[0] ?? base;
  const functionName = parts.length > 1 ? (parts[parts.length - 1] ?? "") : "";
  const className = parts.length > 2 ? parts.slice(1, -1).join("::") : null;
  let provider: string | null = null;
  let model: string | null = null;
  const txt = params === null ? null : /(?:^|[-:])txt=([^/\]]+)\/(.+)$/.exec(params);
  if (txt?.[1] && txt[2]) {
    provider = txt[1];
    const rest = txt[2];
    if (knownModel && rest.startsWith(knownModel)) model = knownModel;
    else model = rest.split(/:(?=[a-z_]+=)/)[0] ?? rest;
  }
  return { id, base, file, className, functionName, params, provider, model };
}
