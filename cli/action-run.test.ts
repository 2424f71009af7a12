import { execFile } from "node:child_process";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { chatRecording, makeRepo, type TestRepo } from "@/lib/review/fixtures/git-repo";
import { REVIEW_MARKER } from "@/lib/review/markdown";
import { ensureFresh } from "./build-cli.mjs";
import { parsePaths, runAction, type ActionDeps, type Env } from "./action-run";
import { main } from "./main";

const INF = "tests/integration/inference/recordings";
const AGENTS = "tests/integration/agents/recordings";
const T = "tests/integration/inference/test_chat.py::";

interface Recorded {
  method: string;
  url: string;
  authorization: string | undefined;
  body: unknown;
}

/** A fake GitHub REST API on loopback: the issue comments of one pull request. */
class FakeGitHub {
  server: Server;
  requests: Recorded[] = [];
  comments: { id: number; body: string }[] = [];
  /** Answer comment writes with this status (a fork's read-only token: 403). */
  writeStatus = 200;
  url = "";

  constructor() {
    this.server = createServer(async (req, res) => {
      const body = await text(req);
      this.requests.push({
        method: req.method ?? "",
        url: req.url ?? "",
        authorization: req.headers.authorization,
        body: body ? JSON.parse(body) : null,
      });
      const url = new URL(req.url ?? "/", this.url);
      const list = /^\/repos\/acme\/llm\/issues\/7\/comments$/.exec(url.pathname);
      const one = /^\/repos\/acme\/llm\/issues\/comments\/(\d+)$/.exec(url.pathname);
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "Content-Type": "application/json", ...headers });
        res.end(JSON.stringify(value));
      };
      if (req.method === "GET" && list) {
        // Two per page, to make the client follow the Link header.
        const page = Number(url.searchParams.get("page") ?? "1");
        const slice = this.comments.slice((page - 1) * 2, page * 2);
        const more = page * 2 < this.comments.length;
        return json(
          200,
          slice,
          more ? { Link: `<${this.url}${url.pathname}?per_page=100&page=${page + 1}>; rel="next"` } : {},
        );
      }
      if (this.writeStatus !== 200)
        return json(this.writeStatus, { message: "Resource not accessible by integration" });
      if (req.method === "POST" && list) {
        const created = { id: 900 + this.comments.length, body: JSON.parse(body).body };
        this.comments.push(created);
        return json(201, created);
      }
      if (req.method === "PATCH" && one) {
        const found = this.comments.find((c) => c.id === Number(one[1]));
        if (!found) return json(404, { message: "Not Found" });
        found.body = JSON.parse(body).body;
        return json(200, found);
      }
      json(404, { message: "Not Found" });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((done) => this.server.listen(0, "127.0.0.1", done));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  }
}

function text(req: IncomingMessage): Promise<string> {
  return new Promise((done) => {
    let data = "";
    req.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
    req.on("end", () => done(data));
  });
}

let repo: TestRepo;
let github: FakeGitHub;
let work: string;
let baseSha: string;
let headSha: string;

beforeAll(async () => {
  repo = await makeRepo();
  await repo.write(`${INF}/a.json`, chatRecording({ testId: `${T}a`, prompt: "A?", reply: "Alpha." }));
  await repo.write(`${INF}/b.json`, chatRecording({ testId: `${T}b`, prompt: "B?", reply: "Beta." }));
  await repo.write(`${AGENTS}/c.json`, chatRecording({ testId: `${T}c`, prompt: "C?", reply: "Gamma." }));
  baseSha = repo.commit("record");
  // a: noise only (a new id); b: a new reply; c (another folder): a new reply.
  await repo.write(
    `${INF}/a.json`,
    chatRecording({ testId: `${T}a`, prompt: "A?", reply: "Alpha.", id: "rec-9" }),
  );
  await repo.write(`${INF}/b.json`, chatRecording({ testId: `${T}b`, prompt: "B?", reply: "Beta, again." }));
  await repo.write(
    `${AGENTS}/c.json`,
    chatRecording({ testId: `${T}c`, prompt: "C?", reply: "Gamma, again." }),
  );
  headSha = repo.commit("re-record");
  github = new FakeGitHub();
  await github.start();
});

afterAll(async () => {
  await repo.cleanup();
  github.server.close();
});

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "tapedeck-action-"));
  github.requests = [];
  github.comments = [];
  github.writeStatus = 200;
  vi.spyOn(console, "log").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
  return async () => {
    vi.restoreAllMocks();
    await rm(work, { recursive: true, force: true });
  };
});

/** The environment GitHub gives the step, with a pull_request event for pull request 7. */
async function actionEnv(inputs: Env): Promise<Env> {
  const event = join(work, "event.json");
  await writeFile(
    event,
    JSON.stringify({
      action: "synchronize",
      number: 7,
      pull_request: { number: 7, base: { sha: baseSha, ref: "main" }, head: { sha: headSha, ref: "x" } },
    }),
  );
  await writeFile(join(work, "output"), "");
  await writeFile(join(work, "summary"), "");
  return {
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_EVENT_PATH: event,
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_REPOSITORY: "acme/llm",
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: "https://github.example",
    GITHUB_RUN_ID: "4242",
    GITHUB_OUTPUT: join(work, "output"),
    GITHUB_STEP_SUMMARY: join(work, "summary"),
    RUNNER_TEMP: work,
    INPUT_GITHUB_TOKEN: "ghs_test",
    INPUT_COMMENT: "true",
    INPUT_HTML_ARTIFACT: "true",
    INPUT_FAIL_ON: "error",
    ...inputs,
  };
}

async function outputs(): Promise<Record<string, string>> {
  const lines = (await readFile(join(work, "output"), "utf8")).trim().split("\n");
  return Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}

/** The review in this process (`main`), recording its arguments. */
function inProcess(calls: string[][]): ActionDeps {
  return {
    review: async (args) => {
      calls.push(args);
      return main(["review", ...args]);
    },
    log: () => {},
  };
}

describe("runAction", () => {
  it("reviews the pull request, comments once, and outputs the reports and the verdict", async () => {
    const calls: string[][] = [];
    const code = await runAction(await actionEnv({ INPUT_HEAD: headSha }), inProcess(calls));
    expect(code).toBe(0);
    expect(calls[0]?.slice(0, 6)).toEqual(["--repo", repo.dir, "--base", baseSha, "--head", headSha]);
    const out = await outputs();
    expect(out).toEqual({
      verdict: "response",
      changes: "3",
      failed: "false",
      markdown: join(work, "tapedeck-review", "tapedeck-review.md"),
      json: join(work, "tapedeck-review", "tapedeck-review.json"),
      html: join(work, "tapedeck-review", "tapedeck-review.html"),
    });
    expect(await readFile(out.html ?? "", "utf8")).toMatch(/^<!doctype html>/i);

    expect(github.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /repos/acme/llm/issues/7/comments?per_page=100",
      "POST /repos/acme/llm/issues/7/comments",
    ]);
    expect(github.requests.every((r) => r.authorization === "Bearer ghs_test")).toBe(true);
    const body = github.comments[0]?.body ?? "";
    expect(body.startsWith(REVIEW_MARKER)).toBe(true);
    expect(body).toContain("3 recordings changed, 2 to look at");
    expect(body).toContain("[this run](https://github.example/acme/llm/actions/runs/4242#artifacts)");
    expect(await readFile(join(work, "summary"), "utf8")).toBe(body);
  });

  it("updates its own comment on the next push, found past the first page, and leaves the others", async () => {
    github.comments = [
      { id: 1, body: "LGTM" },
      { id: 2, body: "Please re-record." },
      { id: 3, body: `${REVIEW_MARKER}\n## old review` },
    ];
    expect(await runAction(await actionEnv({}), inProcess([]))).toBe(0);
    expect(github.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /repos/acme/llm/issues/7/comments?per_page=100",
      "GET /repos/acme/llm/issues/7/comments?per_page=100&page=2",
      "PATCH /repos/acme/llm/issues/comments/3",
    ]);
    expect(github.comments.map((c) => c.id)).toEqual([1, 2, 3]);
    expect(github.comments[2]?.body).toContain("3 recordings changed, 2 to look at");
    expect(github.comments[0]?.body).toBe("LGTM");
  });

  it("fails as fail-on says: response or more serious fails here, request and error do not", async () => {
    for (const [failOn, failed] of [
      ["response", "true"],
      ["request", "false"],
      ["error", "false"],
      ["secret", "false"],
      ["never", "false"],
    ] as const) {
      await writeFile(join(work, "output"), "");
      expect(
        await runAction(await actionEnv({ INPUT_FAIL_ON: failOn, INPUT_COMMENT: "false" }), inProcess([])),
      ).toBe(0);
      expect((await outputs()).failed, failOn).toBe(failed);
    }
    expect(github.requests).toEqual([]);
  });

  it("reviews only the paths asked for", async () => {
    const calls: string[][] = [];
    const env = await actionEnv({
      INPUT_PATHS: `${AGENTS}\n`,
      INPUT_COMMENT: "false",
      INPUT_HTML_ARTIFACT: "false",
    });
    expect(await runAction(env, inProcess(calls))).toBe(0);
    expect(calls[0]).toContain("--path");
    expect(calls[0]?.[calls[0].indexOf("--path") + 1]).toBe(AGENTS);
    const out = await outputs();
    expect(out.changes).toBe("1");
    expect(out.html).toBe("");
    const json: { changes: { path: string; verdict: string }[] } = JSON.parse(
      await readFile(out.json ?? "", "utf8"),
    );
    expect(json.changes).toEqual([
      expect.objectContaining({ path: `${AGENTS}/c.json`, verdict: "response" }),
    ]);
  });

  it("keeps going with a warning when the token cannot comment (a fork's pull request)", async () => {
    github.writeStatus = 403;
    const lines: string[] = [];
    const deps = { ...inProcess([]), log: (line: string) => lines.push(line) };
    expect(await runAction(await actionEnv({ INPUT_FAIL_ON: "response" }), deps)).toBe(0);
    expect(lines.find((line) => line.startsWith("::warning::"))).toMatch(/could not comment: POST .* 403/);
    expect((await outputs()).failed).toBe("true");
  });

  it("refuses bad inputs and a review that cannot run, naming the problem", async () => {
    const lines: string[] = [];
    const deps = { ...inProcess([]), log: (line: string) => lines.push(line) };
    expect(await runAction(await actionEnv({ INPUT_FAIL_ON: "noise" }), deps)).toBe(1);
    expect(lines).toEqual([
      "::error::tapedeck review: fail-on must be one of secret, error, request, response, never",
    ]);
    lines.length = 0;
    expect(await runAction(await actionEnv({ INPUT_COMMENT: "yes" }), deps)).toBe(1);
    expect(lines).toEqual(["::error::tapedeck review: comment must be true or false"]);
    lines.length = 0;
    expect(await runAction(await actionEnv({ INPUT_BASE: "no-such-revision" }), deps)).toBe(1);
    expect(lines).toEqual(["::error::tapedeck review exited with status 2: see its message above"]);
    lines.length = 0;
    const push = { ...(await actionEnv({})), GITHUB_EVENT_PATH: join(work, "missing.json") };
    expect(await runAction(push, deps)).toBe(1);
    expect(lines[0]).toMatch(/no base revision: set the base input/);
    expect(github.requests).toEqual([]);
  });

  it("splits paths on lines and commas", () => {
    expect(parsePaths(" a/recordings \n\nb/**/recordings, c\n")).toEqual([
      "a/recordings",
      "b/**/recordings",
      "c",
    ]);
  });
});

describe("dist/github-action.mjs, as action.yml runs it", () => {
  it("runs the compiled action and the command line as child processes", async () => {
    await ensureFresh();
    const entry = fileURLToPath(new URL("../dist/github-action.mjs", import.meta.url));
    const env = await actionEnv({ INPUT_FAIL_ON: "request" });
    const childEnv: NodeJS.ProcessEnv = { NODE_ENV: "test", PATH: process.env.PATH, ...env };
    const result = await new Promise<{ code: number; stdout: string }>((done) => {
      execFile(process.execPath, [entry], { env: childEnv, timeout: 60_000 }, (error, stdout) =>
        done({ code: error ? Number(error.code) : 0, stdout: String(stdout) }),
      );
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("tapedeck review: created comment 900 on #7");
    expect(result.stdout).toContain("most serious: response; fail-on request: passes");
    expect(await outputs()).toMatchObject({ verdict: "response", changes: "3", failed: "false" });
    expect(github.comments).toHaveLength(1);
  }, 90_000);
});
