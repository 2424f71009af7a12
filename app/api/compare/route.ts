import type { NextRequest } from "next/server";
import { z } from "zod";
import { compareFiles } from "@/lib/diff/compare-files";
import { cassetteComparisonJson, comparisonJson } from "@/lib/diff/comparison-json";
import { sideFile } from "@/lib/diff/load-side";
import { loadRootSource } from "@/lib/index/root-source";
import type { LoadedSource } from "@/lib/recording/load-source";
import { SourceError } from "@/lib/sources/side-source";
import { getIndex } from "@/lib/index/server-index";

export const dynamic = "force-dynamic";

const source = z.string().trim().min(1, "is required").max(1000, "must be at most 1000 characters");
const querySchema = z.strictObject({ a: source, b: source });

/** A source that cannot be used: a 400 naming the side and why. */
class BadSource extends Error {}

async function load(index: Awaited<ReturnType<typeof getIndex>>, side: "a" | "b", text: string) {
  let loaded: LoadedSource;
  try {
    loaded = await loadRootSource(index, text);
  } catch (error) {
    if (error instanceof SourceError) throw new BadSource(`${side}: ${error.message}`);
    throw error;
  }
  if (!loaded.decoded.ok) {
    throw new BadSource(`${side}: ${loaded.label} is not a usable recording: ${loaded.decoded.reason}`);
  }
  const file = sideFile(loaded.text, loaded.decoded);
  if (!file || file.file.interactions.length === 0) {
    throw new BadSource(`${side}: ${loaded.label} holds no interaction`);
  }
  return file;
}

/**
 * `GET /api/compare?a=&b=`: the comparison of two recordings (what `tapedeck diff --json` prints:
 * for cassettes, the file's verdict and every interaction pair's), each a path under the root or
 * `<rev>:<path>` read from the root's git repository. A bad path or revision (one starting with
 * `-`, one that does not resolve, git turned off) is a 400 with the reason.
 */
export async function GET(request: NextRequest) {
  const parsed = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((issue) =>
        issue.code === "unrecognized_keys"
          ? `unknown parameter: ${issue.keys.join(", ")}`
          : `${issue.path.join(".")}: ${issue.message}`,
      )
      .join("; ");
    return Response.json({ error: message }, { status: 400 });
  }
  const index = await getIndex();
  try {
    const a = await load(index, "a", parsed.data.a);
    const b = await load(index, "b", parsed.data.b);
    const files = compareFiles(a, b);
    if (files.cassette) return Response.json(cassetteComparisonJson(files));
    const only = files.pairs[0]?.comparison;
    if (!only) return Response.json({ error: "the recordings could not be compared" }, { status: 400 });
    return Response.json(comparisonJson(only));
  } catch (error) {
    if (error instanceof BadSource) return Response.json({ error: error.message }, { status: 400 });
    throw error;
  }
}
