import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { chatRecording } from "@/lib/recording/testing/recording-builders";
import { RecordingIndex } from "../recording-index";

/** A chat recording of `testId` asking `prompt` and answering `reply`. */
export const chat = (testId: string, prompt: string, reply: string, model = "m") =>
  chatRecording({ testId, prompt, model }, reply);

export const WEATHER_ID =
  "tests/integration/inference/test_weather.py::TestWeather::test_forecast[txt=ollama/m]";
export const A = "tests/integration/inference/recordings/a.json";
export const B = "tests/integration/inference/recordings/b.json";
export const C = "tests/integration/agents/recordings/c.json";

/**
 * The tree the index tests read (three recordings and a stray JSON file, in temporary folders),
 * with the indexes they open; `cleanup` closes them and removes the folders.
 */
export function indexTree() {
  const temps: string[] = [];
  const indexes: RecordingIndex[] = [];
  let root = "";

  async function tempDir(prefix: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    temps.push(dir);
    return dir;
  }

  async function put(relPath: string, content: string, base = root): Promise<string> {
    const path = join(base, ...relPath.split("/"));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    return path;
  }

  return {
    tempDir,
    put,
    async openIndex(options: { cache?: boolean; at?: string } = {}): Promise<RecordingIndex> {
      const index = await RecordingIndex.open({ root: options.at ?? root, cache: options.cache ?? false });
      indexes.push(index);
      return index;
    },
    /** A new root holding A, B, C and a stray `{}`; its path. */
    async plant(prefix: string): Promise<string> {
      root = await tempDir(prefix);
      await put(A, chat(WEATHER_ID, "Will it rain in Lisbon tomorrow?", "Sunny all day."));
      await put(
        B,
        chat(
          "tests/integration/inference/test_chat.py::test_hello",
          "Tell me about giraffes",
          "They are tall.",
        ),
      );
      await put(
        C,
        chat("tests/integration/agents/test_agents.py::test_agent", "Plan a trip", "First, pack.", "gpt-4o"),
      );
      await put("tests/integration/inference/stray.json", "{}");
      return root;
    },
    async cleanup(): Promise<void> {
      await Promise.all(indexes.splice(0).map((index) => index.close()));
      await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}
