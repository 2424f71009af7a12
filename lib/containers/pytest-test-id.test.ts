import { describe, expect, it } from "vitest";
import { cassetteStem, pytestTestId } from "./pytest-test-id";

describe("pytestTestId", () => {
  it.each([
    [
      "tests/models/cassettes/test_cerebras/test_cerebras_model_simple.yaml",
      "tests/models/test_cerebras.py::test_cerebras_model_simple",
    ],
    [
      "tests/cassettes/test_embeddings/TestBedrock.test_nova_minimal.yaml",
      "tests/test_embeddings.py::TestBedrock::test_nova_minimal",
    ],
    [
      "tests/models/cassettes/test_tool_choice_matrix/test_tool_choice_matrix[tools_plus_output-groq].yaml",
      "tests/models/test_tool_choice_matrix.py::test_tool_choice_matrix[tools_plus_output-groq]",
    ],
    [
      "tests/models/google/cassettes/test_output/test_google_validated_accepts_what_auto_accepts[auto].yaml",
      "tests/models/google/test_output.py::test_google_validated_accepts_what_auto_accepts[auto]",
    ],
    [
      "tests/realtime/cassettes/test_openai_ws/test_input_audio_retention_segments_three_server_vad_turns.yaml",
      "tests/realtime/test_openai_ws.py::test_input_audio_retention_segments_three_server_vad_turns",
    ],
  ])("reads the pytest-recording layout: %s", (path, id) => {
    expect(pytestTestId(path)).toBe(id);
  });

  it("keeps parametrized ids whole, dots and spaces included", () => {
    expect(pytestTestId("tests/models/cassettes/test_openai/test_reasoning[gpt-4.1-mini].yaml")).toBe(
      "tests/models/test_openai.py::test_reasoning[gpt-4.1-mini]",
    );
    expect(
      pytestTestId("tests/models/cassettes/test_google/test_google_url_input[VideoUrl (YouTube)].yaml"),
    ).toBe("tests/models/test_google.py::test_google_url_input[VideoUrl (YouTube)]");
    expect(pytestTestId("tests/cassettes/test_embeddings/TestCohere.test_query[embed-v4.0].yaml")).toBe(
      "tests/test_embeddings.py::TestCohere::test_query[embed-v4.0]",
    );
  });

  it("drops pydantic-ai's `.xai` suffix of gRPC samples, after the test or its parameters", () => {
    expect(
      pytestTestId("tests/models/cassettes/test_xai/test_xai_web_search_user_location_recorded.xai.yaml"),
    ).toBe("tests/models/test_xai.py::test_xai_web_search_user_location_recorded");
    expect(
      pytestTestId(
        "tests/models/cassettes/test_multimodal_tool_returns/test_multimodal_tool_return_matrix[direct-uploaded_file-video-xai].xai.yaml",
      ),
    ).toBe(
      "tests/models/test_multimodal_tool_returns.py::test_multimodal_tool_return_matrix[direct-uploaded_file-video-xai]",
    );
    expect(pytestTestId("tests/cassettes/test_x/TestGrok.test_chat.xai.yaml")).toBe(
      "tests/test_x.py::TestGrok::test_chat",
    );
  });

  it("reads a `cassettes/<module>/` folder at the root and Windows separators", () => {
    expect(pytestTestId("cassettes/test_agent/test_run.yaml")).toBe("test_agent.py::test_run");
    expect(pytestTestId("tests\\cassettes\\test_agent\\test_run.yml")).toBe("tests/test_agent.py::test_run");
  });

  it("keeps a stem of another shape whole inside the module layout", () => {
    expect(pytestTestId("tests/cassettes/test_agent/run-1.v2.yaml")).toBe("tests/test_agent.py::run-1.v2");
  });

  it("gives the stem when the path says less", () => {
    expect(pytestTestId("libs/aws/tests/cassettes/test_thinking[v0].yaml.gz")).toBe("test_thinking[v0]");
    expect(pytestTestId("test_alone.yaml")).toBe("test_alone");
    expect(pytestTestId("")).toBeNull();
  });
});

describe("cassetteStem", () => {
  it("removes the cassette extensions only", () => {
    expect(cassetteStem("a/b/test_x[v1].yaml.gz")).toBe("test_x[v1]");
    expect(cassetteStem("a/b/TestA.test_b.yml")).toBe("TestA.test_b");
    expect(cassetteStem("a/test_c.xai.yaml")).toBe("test_c.xai");
  });
});
