import type { Container } from "@/lib/containers/container";
import { goVcrContainer } from "@/lib/containers/go-vcr";
import { harContainer } from "@/lib/containers/har";
import { httprrContainer } from "@/lib/containers/httprr";
import { langchainContainer } from "@/lib/containers/langchain";
import { llamaStackContainer } from "@/lib/containers/llama-stack";
import { rubyVcrContainer } from "@/lib/containers/ruby-vcr";
import { vcrpyContainer } from "@/lib/containers/vcrpy";

/**
 * The recorders, in the order their `sniff` is tried on a file's first few KB. Each sniff looks
 * for what only its recorder writes; go-vcr comes before vcrpy since both have `interactions:`.
 */
export const CONTAINERS: readonly Container[] = [
  // HAR before llama-stack: a HAR's head also names "request" and "response" keys.
  harContainer,
  llamaStackContainer,
  goVcrContainer,
  vcrpyContainer,
  rubyVcrContainer,
  httprrContainer,
  langchainContainer,
];
