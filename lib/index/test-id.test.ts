import { describe, expect, it } from "vitest";
import { parseTestId } from "./test-id";

describe("parseTestId", () => {
  it("splits file, class, function and a txt=<provider>/<model> parameter", () => {
    expect(parseTestId("tests/x/test_a.py::TestA::test_b[txt=openai/gpt-4o]")).toEqual({
      id: "tests/x/test_a.py::TestA::test_b[txt=openai/gpt-4o]",
      base: "tests/x/test_a.py::TestA::test_b",
      file: "tests/x/test_a.py",
      className: "TestA",
      functionName: "test_b",
      params: "txt=openai/gpt-4o",
      provider: "openai",
      model: "gpt-4o",
    });
  });

  it("reads a test without a class or parameters", () => {
    expect(parseTestId("tests/integration/inference/test_embeddings.py::test_embed")).toEqual({
      id: "tests/integration/inference/test_embeddings.py::test_embed",
      base: "tests/integration/inference/test_embeddings.py::test_embed",
      file: "tests/integration/inference/test_embeddings.py",
      className: null,
      functionName: "test_embed",
      params: null,
      provider: null,
      model: null,
    });
  });

  it("joins nested classes and keeps parameters without a model", () => {
    const parsed = parseTestId("tests/a.py::Outer::Inner::test_c[client_with_models-stream]");
    expect(parsed.className).toBe("Outer::Inner");
    expect(parsed.functionName).toBe("test_c");
    expect(parsed.params).toBe("client_with_models-stream");
    expect(parsed.base).toBe("tests/a.py::Outer::Inner::test_c");
    expect(parsed.provider).toBeNull();
    expect(parsed.model).toBeNull();
  });

  it("prefers the request's model when pytest joined more parameters after it", () => {
    const id =
      "tests/integration/inference/test_openai_completion.py::test_openai_chat_completion_streaming[openai_client-txt=ollama/llama3.2:3b-instruct-fp16-inference:chat_completion:streaming_01]";
    const parsed = parseTestId(id, "llama3.2:3b-instruct-fp16");
    expect(parsed.provider).toBe("ollama");
    expect(parsed.model).toBe("llama3.2:3b-instruct-fp16");
    expect(parsed.functionName).toBe("test_openai_chat_completion_streaming");
    expect(parsed.params).toBe(
      "openai_client-txt=ollama/llama3.2:3b-instruct-fp16-inference:chat_completion:streaming_01",
    );
    // Without the request's model, only a following `:name=` parameter can be split off.
    expect(parseTestId(id).model).toBe("llama3.2:3b-instruct-fp16-inference:chat_completion:streaming_01");
  });

  it("cuts the model before a following :name= parameter and keeps slashes inside the model", () => {
    const parsed = parseTestId(
      "tests/a.py::test_x[txt=vllm/Qwen/Qwen3-0.6B:emb=sentence-transformers/nomic]",
    );
    expect(parsed.provider).toBe("vllm");
    expect(parsed.model).toBe("Qwen/Qwen3-0.6B");
    // A known model that the parameters do not start with is not used.
    expect(parseTestId("tests/a.py::test_x[txt=openai/gpt-4o]", "other-model").model).toBe("gpt-4o");
  });

  it("treats a bracket that does not close the id as part of the name", () => {
    const parsed = parseTestId("tests/a.py::test_x[unclosed");
    expect(parsed.params).toBeNull();
    expect(parsed.base).toBe("tests/a.py::test_x[unclosed");
    expect(parsed.functionName).toBe("test_x[unclosed");
  });

  it("reads a bare file name as a file with no function", () => {
    expect(parseTestId("tests/a.py")).toMatchObject({
      file: "tests/a.py",
      className: null,
      functionName: "",
    });
  });
});
