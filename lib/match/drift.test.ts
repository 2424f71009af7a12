import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CatalogEntry } from "./catalog-entry";
import { findDrift, findStaleNames } from "./drift";
import { driftReportOf } from "./drift-report";
import { findOrphans } from "./orphans";
import { RequestCatalog } from "./request-catalog";
import { maskVolatile } from "./volatile-mask";

const ROOT = fileURLToPath(new URL("./fixtures/root", import.meta.url));
const SEARCH =
  "tests/integration/responses/test_file_search.py::test_file_search_by_region[openai_client-txt=openai/gpt-4o]";
const INFERENCE = "tests/integration/inference/test_openai_completion.py";

let entries: CatalogEntry[];

beforeAll(async () => {
  entries = (await RequestCatalog.openDirectory(ROOT, { cache: false })).entries();
});

describe("masking volatile values", () => {
  it("masks ids minted per run, dates and seeds, and keeps the rest", () => {
    expect(
      maskVolatile({
        text: "document_id: file-9f6eafe070234d7e82beadb78aebf882 in vs_68d1c9f0a4b48191 at 2025-10-06T12:00:01Z",
        tool_call_id: "call_k3jd8s0a",
        system: "Today Date: 21 September 2024",
        uuid: "0f8e6b2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b",
        seed: 1234,
        max_tokens: 512,
        call: "recall this",
      }),
    ).toEqual({
      text: "document_id: file-<id> in vs_<id> at <time>",
      tool_call_id: "call_<id>",
      system: "Today Date: <date>",
      uuid: "<uuid>",
      seed: "<volatile>",
      max_tokens: 512,
      call: "recall this",
    });
  });
});

describe("drift groups", () => {
  it("groups recordings of one test equal once ids are masked, with the fields that differ", () => {
    expect(findDrift(entries)).toEqual([
      {
        test: SEARCH,
        paths: [
          "tests/integration/responses/recordings/2dbbc7863e43b979085f9ee70703a27de132c0dfb9dda367cc918c2529c49c16.json",
          "tests/integration/responses/recordings/b9af0e41de760683799b1ee135eb2f2ebeb6f44b90f4ba9b85540b6857b617e7.json",
        ],
        fields: ["body.messages[2].content[1].text"],
      },
    ]);
  });

  it("leaves alone recordings of one test whose requests really differ (a test's several calls)", () => {
    const weather = entries.filter((entry) => entry.test?.includes("test_chat_weather"));
    expect(weather).toHaveLength(2);
    expect(findDrift(weather)).toEqual([]);
  });
});

describe("stale names", () => {
  it("lists the recordings whose name is not the hash of their request", () => {
    expect(findStaleNames(entries)).toEqual([
      {
        path: "tests/integration/inference/recordings/8e229ca51eb766cfc4fe5934edd57ea0f97c2bb4bd135ee6bd8c3ee07a1ddf26.json",
        nameHash: "8e229ca51eb766cfc4fe5934edd57ea0f97c2bb4bd135ee6bd8c3ee07a1ddf26",
        contentHash: "4eab33b3b7dc7c06bd85595a3b0bc8124f93289e46abc93aeaa5bd315633f9da",
      },
    ]);
  });
});

describe("orphans", () => {
  let checkout: string;

  beforeAll(async () => {
    checkout = await mkdtemp(join(tmpdir(), "tapedeck-orphans-"));
    await cp(ROOT, checkout, { recursive: true });
    // The checkout's tests: test_chat_count and test_chat_hello are gone, test_file_search.py too.
    await writeFile(
      join(checkout, INFERENCE),
      "import pytest\n\n\ndef test_chat_weather(openai_client, text_model_id):\n    pass\n\n\nasync def test_chat_greeting(openai_client):\n    pass\n",
    );
    await writeFile(join(checkout, "tests/integration/responses/conftest.py"), "import pytest\n");
    await writeFile(
      join(checkout, "tests/models/test_openai.py"),
      "class TestX:\n    async def test_request_simple_success(self):\n        pass\n",
    );
  });

  afterAll(async () => {
    await rm(checkout, { recursive: true, force: true });
  });

  it("finds recordings whose test function or test file is gone, where the sources are present", () => {
    const { orphans, checked } = findOrphans(checkout, entries);
    // Test functions: weather, hello (two parametrizations), count, file search, the cassette's.
    expect(checked).toBe(5);
    expect(orphans.map((o) => [o.test.replace(/\[.*$/, ""), o.missing, o.paths.length])).toEqual([
      [`${INFERENCE}::test_chat_count`, "function", 1],
      [`${INFERENCE}::test_chat_hello`, "function", 1],
      [`${INFERENCE}::test_chat_hello`, "function", 1],
      ["tests/integration/responses/test_file_search.py::test_file_search_by_region", "file", 2],
    ]);
  });

  it("checks nothing when only the recordings were copied", () => {
    expect(driftReportOf(ROOT, entries)).toMatchObject({ orphans: [], testsChecked: 0 });
  });
});
