import { parse as parseLossless } from "lossless-json";
import { z } from "zod";
import { fileNameScheme, type FileNameInfo } from "./file-name";
import { carriedHash, requestHashes } from "./recorder-hash";

const losslessEnvelope = z.looseObject({
  test_id: z.unknown().optional(),
  request: z.record(z.string(), z.unknown()),
});

/**
 * Tells the file-name scheme and whether the name still carries the hash of the request, as the
 * recorder computes it (its body normalization, and the earlier eras' hashes: `requestHashes`).
 * `text` must be the file as written, credentials unmasked: a masked value changes the hash.
 * It is parsed again losslessly, so numbers hash as the recorder wrote them.
 */
export function fileNameInfo(fileName: string, text: string): FileNameInfo {
  const { scheme, nameHash } = fileNameScheme(fileName);
  const unknown = { scheme, nameHash, computedHash: null, matches: null, basis: null };
  let parsed: unknown;
  try {
    parsed = parseLossless(text);
  } catch {
    return unknown;
  }
  const envelope = losslessEnvelope.safeParse(parsed);
  if (!envelope.success) return unknown;
  const hashes = requestHashes(envelope.data);
  if (hashes.current === null) return unknown;
  const carried = nameHash === null ? undefined : carriedHash(nameHash, hashes.variants);
  const computedHash = carried ?? hashes.current;
  return {
    scheme,
    nameHash,
    computedHash,
    matches: nameHash === null ? null : carried !== undefined,
    basis: hashes.variantBasis.get(computedHash) ?? hashes.basis,
  };
}
