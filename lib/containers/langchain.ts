import { z } from "zod";
import type { ReadLimits } from "@/lib/model/limits";
import { ContainerError, type Container, type OpenedContainer } from "./container";
import { DecodeBudget } from "./http-body";
import { pytestTestId } from "./pytest-test-id";
import { httpCall, parseCassettePart, vcrRequestSchema, vcrResponseSchema } from "./vcrpy-http";
import { loadYaml } from "./yaml";

/**
 * LangChain's cassettes (`libs/aws/tests/cassettes/<test>.yaml.gz`): vcrpy's other layout, two
 * lists `requests:` and `responses:` paired by index. The file comes here already gunzipped.
 * Every header value is `**REDACTED**`, so bodies are told apart by their content.
 */

const cassetteSchema = z.looseObject({ requests: z.array(z.unknown()), responses: z.array(z.unknown()) });

/** The first top-level key is `requests:` (request bodies are long `!!binary`: `responses:` may be past the head). */
function sniff(head: string): boolean {
  const first = /^[^\s#-][^\n]*/m.exec(head);
  return first !== null && /^requests:\s*(\[\s*\])?\s*$/.test(first[0]);
}

function open(text: string, relPath: string, limits: ReadLimits): OpenedContainer {
  const document = loadYaml(text, limits);
  if (typeof document !== "object" || document === null || !("requests" in document)) {
    throw new ContainerError("not a LangChain cassette: the YAML has no top-level `requests` list");
  }
  const { requests, responses } = parseCassettePart(cassetteSchema, document, "");
  const test = pytestTestId(relPath);
  const paired = Math.min(requests.length, responses.length);
  const budget = new DecodeBudget(limits);
  const calls = requests.slice(0, paired).map((item, index) => {
    const request = parseCassettePart(vcrRequestSchema, item, `requests[${index}]`);
    const response = parseCassettePart(vcrResponseSchema, responses[index], `responses[${index}]`);
    return httpCall(request, response, { request: item, response: responses[index] }, test, budget);
  });
  const notes: string[] = [];
  if (requests.length !== responses.length) {
    notes.push(
      `the cassette has ${requests.length} requests but ${responses.length} responses; the ${Math.abs(requests.length - responses.length)} unpaired are not shown`,
    );
  }
  if (calls.length === 0) notes.push("the cassette records no interactions");
  return { format: "langchain", test, calls, notes };
}

export const langchainContainer: Container = { format: "langchain", sniff, open };
