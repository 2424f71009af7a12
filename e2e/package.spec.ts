import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { z } from "zod";
import { APP_DIR, startServer } from "./deploy/server";

// `npm pack` as a user gets it: the tarball installed in an empty folder, then every command run
// from there with nothing built on the user's side. Uses the build `npm run build` made (npm pack
// rebuilds only when the sources are newer); npm installs the dependencies from its cache.
test.describe.configure({ mode: "serial" });

const run = promisify(execFile);
const npmMissing = spawnSync("npm", ["--version"]).error !== undefined;

const packed = z.array(
  z.object({
    filename: z.string(),
    size: z.number(),
    unpackedSize: z.number(),
    files: z.array(z.object({ path: z.string() })),
  }),
);

/** The environment of a user's shell: none of the test runner's TAPEDECK_* or Next variables. */
function userEnv(): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(PORT|HOST|HOSTNAME|TAPEDECK_.*|NEXT_.*|__NEXT_.*|NODE_ENV|npm_.*)$/.test(key)) env[key] = value;
  }
  return env as NodeJS.ProcessEnv;
}

test.describe("the npm package", () => {
  test.skip(npmMissing, "npm is not installed");

  let work: string;
  let project: string;
  let tarball: z.infer<typeof packed>[number];
  let bin: string;
  const fixture = join(APP_DIR, "recordings/tests/integration/common/recordings");
  const small = join(fixture, "6a190204ab11539a10987e45396c93dadba523082630f301f145b0c789a0ba37.json");

  /** Runs the installed `tapedeck` (node_modules/.bin, as npx does) in the project folder. */
  async function tapedeck(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(bin, args, { cwd: project, env: userEnv(), timeout: 60_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = z.object({ code: z.number(), stdout: z.string(), stderr: z.string() }).parse(error);
      return failed;
    }
  }

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    work = mkdtempSync(join(tmpdir(), "tapedeck-package-"));
    project = join(work, "project");
    const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", work], {
      cwd: APP_DIR,
      env: { ...userEnv(), TAPEDECK_BASE_PATH: "" },
      maxBuffer: 64 * 1024 * 1024,
    });
    // The prepack script prints before npm's JSON.
    const [first] = packed.parse(JSON.parse(stdout.slice(stdout.search(/^\[/m))));
    if (!first) throw new Error("npm pack listed no tarball");
    tarball = first;
    await run("mkdir", ["-p", project]);
    await run("npm", ["init", "-y"], { cwd: project, env: userEnv() });
    await run(
      "npm",
      ["install", "--no-audit", "--no-fund", "--prefer-offline", join(work, tarball.filename)],
      { cwd: project, env: userEnv(), maxBuffer: 64 * 1024 * 1024 },
    );
    bin = join(project, "node_modules", ".bin", "tapedeck");
    const installed = spawnSync("du", ["-sk", join(project, "node_modules")], { encoding: "utf8" });
    console.log(
      `package: ${tarball.filename} ${(tarball.size / 1e6).toFixed(2)} MB (${(tarball.unpackedSize / 1e6).toFixed(2)} MB unpacked, ${tarball.files.length} files); ` +
        `installed: ${(Number(installed.stdout.split("\t")[0]) / 1024).toFixed(0)} MB of node_modules`,
    );
  });

  test.afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("holds the compiled command line and the built server, and no sources", () => {
    const paths = tarball.files.map((file) => file.path);
    const allowed =
      /^(README\.md|package\.json|bin\/tapedeck\.mjs|dist\/cli\.mjs|dist\/chunk-[A-Z0-9]+\.mjs|dist\/server\/.+)$/;
    expect(paths.filter((path) => !allowed.test(path))).toEqual([]);
    for (const path of [
      "dist/cli.mjs",
      "dist/server/server.js",
      "dist/server/package.json",
      "dist/server/.next/BUILD_ID",
    ])
      expect(paths).toContain(path);
    expect(paths.some((path) => path.startsWith("dist/server/.next/static/"))).toBe(true);
    expect(paths.filter((path) => /(^|\/)node_modules\/|\.tsx?$|\.nft\.json$/.test(path))).toEqual([]);
    expect(tarball.size).toBeLessThan(10e6);
    // Turbopack's hashed package aliases (links the package cannot hold) are gone from the code.
    const server = join(project, "node_modules", "tapedeck", "dist", "server", ".next", "server");
    const files = readdirSync(server, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js"));
    const aliased = files.filter((file) =>
      /["'](shiki|[a-z@][\w./-]*)-[0-9a-f]{16}["'/]/.test(readFileSync(join(server, file), "utf8")),
    );
    expect(aliased).toEqual([]);
  });

  test("tapedeck --help, every command's --help, show, check and diff run from the installed package", async () => {
    const help = await tapedeck(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: tapedeck <command> \[options\]\n/);
    const commands = [...help.stdout.matchAll(/^ {2}([a-z]+) +\S/gm)].map((match) => match[1] ?? "");
    expect(commands).toEqual(expect.arrayContaining(["check", "diff", "review", "serve", "show"]));
    // Every command cli/main.ts lists ships: each answers --help from the package.
    for (const command of commands) {
      const usage = await tapedeck([command, "--help"]);
      expect(usage.code, command).toBe(0);
      expect(usage.stdout, command).toMatch(new RegExp(`^Usage: tapedeck ${command}\\b`));
    }

    const show = await tapedeck(["show", small, "--json"]);
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ family: "ollama", model: "qwen3:4b" });

    const check = await tapedeck(["check", join(APP_DIR, "recordings"), "--json"]);
    expect(check.code).toBe(0);
    const report = z
      .object({ files: z.number(), failed: z.array(z.unknown()) })
      .parse(JSON.parse(check.stdout));
    expect(report.failed).toEqual([]);
    expect(report.files).toBeGreaterThanOrEqual(30);

    const same = await tapedeck(["diff", small, small, "--json"]);
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout)).toMatchObject({ verdict: "identical" });
  });

  test("tapedeck review runs on a git repository from the installed package", async () => {
    await run(process.execPath, [join(APP_DIR, "e2e/fixtures/make-review-repo.mjs"), join(work, "review")]);
    const review = await tapedeck([
      "review",
      "--repo",
      join(work, "review", "repo"),
      "--base",
      "base",
      "--head",
      "head",
      "--format",
      "json",
    ]);
    expect(review.code).toBe(1);
    const json = z
      .object({
        summary: z.object({ verdicts: z.record(z.string(), z.number()) }),
        changes: z.array(z.unknown()),
      })
      .parse(JSON.parse(review.stdout));
    expect(json.changes).toHaveLength(10);
    expect(json.summary.verdicts).toEqual({
      identical: 1,
      secret: 0,
      noise: 1,
      response: 2,
      request: 3,
      error: 1,
      added: 1,
      removed: 1,
    });
  });

  test("tapedeck serve starts the packaged server, which renders pages with highlighted code", async ({
    request,
  }) => {
    const server = await startServer({
      command: ["node", bin, "serve", join(APP_DIR, "recordings")],
      cwd: project,
      env: {},
      timeoutMs: 60_000,
    });
    try {
      expect(server.output()).not.toContain("building the app");
      const health = await request.get(`${server.url}/api/health`);
      expect(await health.json()).toMatchObject({ ok: true, recordings: expect.any(Number) });
      const list = await request.get(`${server.url}/recordings`);
      expect(list.status()).toBe(200);
      const rel =
        "tests/integration/common/recordings/6a190204ab11539a10987e45396c93dadba523082630f301f145b0c789a0ba37.json";
      const page = await request.get(`${server.url}/recordings/${rel}`);
      expect(page.status()).toBe(200);
      // Shiki is one of the packages the server loads at run time from the project's node_modules.
      expect(await page.text()).toContain('class="shiki shiki-themes github-light github-dark"');
      const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await list.text())?.[1] ?? "";
      expect((await request.get(`${server.url}${asset}`)).status()).toBe(200);
    } finally {
      await server.stop();
    }
  });

  test("tapedeck serve refuses a base path the packaged server was not built for", async () => {
    const result = spawnSync(bin, ["serve", join(APP_DIR, "recordings"), "--port", "3999"], {
      cwd: project,
      env: { ...userEnv(), TAPEDECK_BASE_PATH: "/tapedeck" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'this package\'s server is built for "/"; serving under "/tapedeck" needs a build from the sources',
    );
  });
});

test.describe("the Dockerfile's dependencies stage", () => {
  test("installs without lifecycle scripts, whose files it does not copy", async () => {
    const { readDockerfile } = await import("./deploy/dockerfile");
    const deps = readDockerfile().stages.find((stage) => stage.name === "deps");
    if (!deps) throw new Error("no deps stage");
    const copied = deps.instructions
      .filter((i) => i.keyword === "COPY")
      .flatMap((i) => i.args.split(" ").slice(0, -1));
    expect(copied).toEqual(["package.json", "package-lock.json"]);
    // The prepare script (run by `npm ci`) reads a source file this stage does not have...
    const scripts = z
      .object({ scripts: z.record(z.string(), z.string()) })
      .parse(JSON.parse(readFileSync(join(APP_DIR, "package.json"), "utf8"))).scripts;
    const prepareFile = /node (\S+)/.exec(scripts.prepare ?? "")?.[1];
    expect(prepareFile).toBe("cli/build-cli.mjs");
    expect(copied).not.toContain(prepareFile);
    // ...so the install must not run it.
    const install = deps.instructions.find((i) => i.keyword === "RUN" && /\bnpm ci\b/.test(i.args));
    expect(install?.args).toMatch(/--ignore-scripts\b/);
    // No dependency the build needs has an install script of its own, besides esbuild's (a check
    // of its binary; the Next build does not use esbuild).
    const lock = z
      .object({ packages: z.record(z.string(), z.object({ hasInstallScript: z.boolean().optional() })) })
      .parse(JSON.parse(readFileSync(join(APP_DIR, "package-lock.json"), "utf8")));
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([path]) => path);
    expect(withScripts).toEqual(["node_modules/esbuild"]);
  });
});
