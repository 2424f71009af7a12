import { readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { z } from "zod";
import { execForm, last, readDockerfile, stageEnv } from "./deploy/dockerfile";
import { deeplyNested, invalidUtf8, oversized } from "./deploy/hostile";
import { chatRecording, git, gitRoot, removeRoot, rootWithEscapes, writeFile } from "./deploy/roots";
import { APP_DIR, rawGet, runToExit, startServer, STANDALONE_DIR, type RunningServer } from "./deploy/server";
import { buildWithBasePath } from "./deploy/subpath-build";
import { hashTree } from "./deploy/tree-hash";

// Each group starts its own standalone server on a free loopback port, with its own configuration.
test.describe.configure({ mode: "serial" });

const health = z.object({
  ok: z.literal(true),
  // Left out without credentials when auth is on.
  root: z.string().optional(),
  recordings: z.number(),
  broken: z.number(),
});
const listing = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      relPath: z.string(),
      size: z.number(),
      broken: z.object({ kind: z.string(), reason: z.string() }).nullable(),
    }),
  ),
});
const recordingJson = z.object({
  ok: z.boolean(),
  broken: z.object({ kind: z.string(), reason: z.string() }).optional(),
});

const basic = (credentials: string) => ({
  Authorization: `Basic ${Buffer.from(credentials).toString("base64")}`,
});

/** The directives of a Content-Security-Policy header. */
function directives(header: string | undefined): Map<string, string> {
  return new Map(
    (header ?? "").split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values.join(" ")];
    }),
  );
}

test.describe("the Dockerfile", () => {
  const { stages } = readDockerfile();
  const runtime = stages.at(-1);

  test("is multi-stage and ends on node:20-slim with git, as a non-root user, with the recordings at /recordings", () => {
    expect(stages.map((stage) => stage.name)).toEqual(["deps", "build", "runtime"]);
    if (!runtime) throw new Error("no stage");
    const { text } = readDockerfile();
    expect(text).toMatch(/ARG NODE_IMAGE=node:20-slim/);
    expect(stages.every((stage) => stage.image === "${NODE_IMAGE}")).toBe(true);
    expect(
      runtime.instructions.some((i) => i.keyword === "RUN" && /apt-get install .*\bgit\b/.test(i.args)),
    ).toBe(true);
    const user = last(runtime, "USER");
    expect(user).not.toBeNull();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(last(runtime, "VOLUME")).toBe('["/recordings"]');
    expect(last(runtime, "COPY")).toBe("--from=build /app/.next/standalone ./");
    expect(last(runtime, "WORKDIR")).toBe("/app");
  });

  test("starts the way the README documents the standalone start", () => {
    if (!runtime) throw new Error("no stage");
    const env = stageEnv(runtime);
    expect(env).toMatchObject({
      NODE_ENV: "production",
      PORT: "3000",
      HOSTNAME: "0.0.0.0",
      TAPEDECK_ROOT: "/recordings",
    });
    // `node server.js` inside the copy of .next/standalone is `node .next/standalone/server.js`.
    expect(execForm(last(runtime, "CMD") ?? "")).toEqual(["node", "server.js"]);
    const readme = readFileSync(join(APP_DIR, "README.md"), "utf8");
    const documented = /```sh\n([^`]*node \.next\/standalone\/server\.js[^`]*)```/.exec(readme)?.[1] ?? "";
    expect(documented).toContain("npm run build");
    for (const variable of ["PORT", "HOSTNAME", "TAPEDECK_ROOT"])
      expect(documented).toContain(`${variable}=`);
    const healthcheck = last(runtime, "HEALTHCHECK") ?? "";
    expect(execForm(healthcheck).join(" ")).toMatch(/^node -e fetch\(.*\/api\/health/);
  });

  test("its start command, environment and health check work without Docker", async () => {
    if (!runtime) throw new Error("no stage");
    const { root, outside } = rootWithEscapes();
    const env = { ...stageEnv(runtime), TAPEDECK_ROOT: root, HOSTNAME: "127.0.0.1", TAPEDECK_BASE_PATH: "" };
    delete (env as Record<string, string | undefined>).TAPEDECK_CACHE_DIR;
    const server = await startServer({
      command: execForm(last(runtime, "CMD") ?? ""),
      cwd: STANDALONE_DIR,
      env,
    });
    try {
      const check = execForm(last(runtime, "HEALTHCHECK") ?? "");
      const probe = { ...env, PORT: String(server.port) };
      expect((await runToExit({ command: check, env: probe, cwd: STANDALONE_DIR })).code).toBe(0);
      await server.stop();
      expect((await runToExit({ command: check, env: probe, cwd: STANDALONE_DIR })).code).toBe(1);
    } finally {
      await server.stop();
      removeRoot(root);
      removeRoot(outside);
    }
  });
});

test.describe("an open server", () => {
  let server: RunningServer;
  let root: string;
  let outside: string;
  let hashBefore: string;

  test.beforeAll(async () => {
    ({ root, outside } = rootWithEscapes());
    git(root, "init", "--quiet", "--initial-branch=main");
    writeFile(root, "suite/recordings/deep.json", deeplyNested());
    writeFile(root, "suite/recordings/latin1.json", invalidUtf8());
    writeFile(root, "suite/recordings/huge.json", oversized(1.2));
    writeFile(root, "suite/recordings/vanishes.json", chatRecording("I will be gone"));
    writeFile(root, "suite/recordings/truncated.json", chatRecording("I will be cut in half"));
    hashBefore = hashTree(root);
    server = await startServer({ env: { TAPEDECK_ROOT: root, TAPEDECK_MAX_FILE_MB: "1" } });
  });

  test.afterAll(async () => {
    await server?.stop();
    removeRoot(root);
    removeRoot(outside);
  });

  test("sends the security headers on pages, API routes, assets and 404s, without X-Powered-By", async ({
    request,
  }) => {
    const page = await request.get(`${server.url}/recordings`);
    const html = await page.text();
    const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const nonces = new Set<string>();
    for (const path of ["/recordings", "/", "/api/recordings", "/api/health", asset ?? "", "/no/such/page"]) {
      const response = await request.get(`${server.url}${path}`);
      const headers = response.headers();
      expect(response.status(), path).toBe(path === "/no/such/page" ? 404 : 200);
      const csp = directives(headers["content-security-policy"]);
      expect(csp.get("default-src"), path).toBe("'self'");
      expect(csp.get("frame-ancestors"), path).toBe("'none'");
      expect(csp.get("object-src"), path).toBe("'none'");
      expect(csp.get("script-src"), path).toMatch(/^'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'$/);
      nonces.add(csp.get("script-src") ?? "");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["x-powered-by"], path).toBeUndefined();
    }
    expect(nonces.size).toBe(6);
    // Next.js puts the nonce of the response's own policy on every script of the page.
    const nonce = /'nonce-([^']+)'/.exec(page.headers()["content-security-policy"] ?? "")?.[1];
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  });

  test("refuses paths that leave the root with a 404, from pages and the API, and reads nothing outside", async ({
    request,
  }) => {
    const escapes = [
      "../package.json",
      "..%2fpackage.json",
      "%2e%2e/%2e%2e/etc/passwd",
      "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
      "suite/recordings/%2e%2e/%2e%2e/%2e%2e/secret.json",
      "%2fetc%2fpasswd",
      "/etc/passwd",
      "%2F" + encodeURIComponent(join(outside, "secret.json")).replace(/%2F/g, "/"),
      "suite/recordings/chat.json%00.png",
      "suite%00/recordings/chat.json",
      "suite/recordings/link-out.json",
      "suite/recordings/dir-out/secret.json",
      "..\\..\\..\\etc\\passwd",
      "suite/recordings/%5c..%5c..%5csecret.json",
    ];
    for (const escape of escapes) {
      for (const prefix of ["/recordings/", "/api/recordings/"]) {
        // Next.js answers `//` and `\` with a redirect to the normalized path: follow it.
        let response = await rawGet(server.port, `${prefix}${escape}`);
        for (let hop = 0; hop < 3 && [307, 308].includes(response.status); hop++) {
          const location = new URL(String(response.headers.location), server.url);
          response = await rawGet(server.port, `${location.pathname}${location.search}`);
        }
        expect([400, 404], `${prefix}${escape}`).toContain(response.status);
        expect(response.body, `${prefix}${escape}`).not.toContain("TOP-SECRET");
        expect(response.body).not.toContain("root:x:0:0");
      }
    }
    // The links out of the root are not even listed.
    const all = listing.parse(await (await request.get(`${server.url}/api/recordings?pageSize=1000`)).json());
    expect(all.items.map((item) => item.relPath).filter((path) => /link-out|dir-out/.test(path))).toEqual([]);
    const search = await request.get(`${server.url}/api/recordings?q=TOP-SECRET-OUTSIDE-THE-ROOT`);
    expect(listing.parse(await search.json()).total).toBe(0);
    // And a recording inside the root still opens.
    expect((await request.get(`${server.url}/api/recordings/suite/recordings/chat.json`)).status()).toBe(200);
  });

  test("lists files over the size limit with their size, unparsed", async ({ request }) => {
    const broken = listing.parse(
      await (await request.get(`${server.url}/api/recordings?broken=true&pageSize=1000`)).json(),
    );
    const huge = broken.items.find((item) => item.relPath === "suite/recordings/huge.json");
    expect(huge?.size).toBeGreaterThan(1.2 * 1024 * 1024);
    expect(huge?.broken).toEqual({
      kind: "too-large",
      reason: expect.stringMatching(/over the 1\.0 MB limit/),
    });
    const page = await request.get(`${server.url}/recordings?broken=true`);
    expect(await page.text()).toContain("huge.json");
  });

  test("answers deep nesting, invalid UTF-8, and files vanishing or truncated after indexing with a clear message", async ({
    request,
  }) => {
    rmSync(join(root, "suite/recordings/vanishes.json"));
    const full = readFileSync(join(root, "suite/recordings/truncated.json"));
    truncateSync(join(root, "suite/recordings/truncated.json"), Math.floor(full.length / 2));
    const expected: Record<string, RegExp> = {
      "deep.json": /more than 256 levels deep/,
      "latin1.json": /not valid UTF-8/,
      "huge.json": /over the 1\.0 MB limit/,
      "vanishes.json": /no longer exists|no such recording/,
      "truncated.json": /invalid JSON at line \d+, column \d+/,
    };
    for (const [name, reason] of Object.entries(expected)) {
      const api = await request.get(`${server.url}/api/recordings/suite/recordings/${name}`);
      expect([200, 404], name).toContain(api.status());
      const body: unknown = await api.json();
      const text = JSON.stringify(body);
      expect(text, name).toMatch(reason);
      if (api.status() === 200) expect(recordingJson.parse(body).ok).toBe(false);
      const page = await request.get(`${server.url}/recordings/suite/recordings/${name}`);
      expect([200, 404], name).toContain(page.status());
      if (page.status() === 200) expect(await page.text(), name).toMatch(reason);
    }
    // The rest keeps working.
    expect(health.parse(await (await request.get(`${server.url}/api/health`)).json()).ok).toBe(true);
    expect((await request.get(`${server.url}/recordings/suite/recordings/chat.json`)).status()).toBe(200);
    expect((await request.get(`${server.url}/`)).status()).toBe(200);
    // Put them back for the next tests.
    writeFile(root, "suite/recordings/vanishes.json", chatRecording("I will be gone"));
    writeFileSync(join(root, "suite/recordings/truncated.json"), full);
  });

  test("the compare API refuses revisions and paths that are options or do not resolve with a 400", async ({
    request,
  }) => {
    git(root, "add", "suite/recordings/chat.json");
    git(root, "commit", "--quiet", "-m", "first");
    hashBefore = hashTree(root);
    const compare = (a: string, b: string) =>
      request.get(`${server.url}/api/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
    const ok = await compare("suite/recordings/chat.json", "HEAD:suite/recordings/chat.json");
    expect(ok.status()).toBe(200);
    expect(await ok.json()).toMatchObject({ verdict: "identical" });

    const refused: [string, RegExp][] = [
      ["-p:suite/recordings/chat.json", /starts with "-"/],
      ["--output=/tmp/tapedeck-pwned:suite/recordings/chat.json", /starts with "-"/],
      ["no-such-branch:suite/recordings/chat.json", /unknown revision/],
      ["HEAD~5:suite/recordings/chat.json", /unknown revision/],
      ["HEAD:../../etc/passwd", /not a path inside the root/],
      ["HEAD:-x.json", /refusing path|no file/],
      ["../secret.json", /not a path inside the root/],
      ["suite/recordings/link-out.json", /no recording/],
      ["suite/recordings/deep.json", /not a usable recording/],
    ];
    for (const [b, message] of refused) {
      const response = await compare("suite/recordings/chat.json", b);
      expect(response.status(), b).toBe(400);
      expect(await response.json(), b).toEqual({ error: expect.stringMatching(message) });
    }
    expect((await request.get(`${server.url}/api/compare?a=x.json`)).status()).toBe(400);
    expect((await request.get(`${server.url}/api/compare?a=x&b=y&c=z`)).status()).toBe(400);
  });

  test("never writes inside the root", () => {
    expect(hashTree(root)).toBe(hashBefore);
  });

  test("prints no warning when bound to loopback", () => {
    expect(server.output()).not.toContain("warning");
  });
});

test.describe("a server with TAPEDECK_AUTH", () => {
  let server: RunningServer;
  let root: string;
  let outside: string;

  test.beforeAll(async () => {
    ({ root, outside } = rootWithEscapes());
    server = await startServer({ env: { TAPEDECK_ROOT: root, TAPEDECK_AUTH: "alice:s3cret pass" } });
  });

  test.afterAll(async () => {
    await server?.stop();
    removeRoot(root);
    removeRoot(outside);
  });

  async function assertDenied(
    request: APIRequestContext,
    path: string,
    headers: Record<string, string> = {},
  ) {
    const response = await request.get(`${server.url}${path}`, { headers, maxRedirects: 0 });
    expect(response.status(), path).toBe(401);
    expect(response.headers()["www-authenticate"], path).toBe('Basic realm="Tapedeck"');
    expect(await response.text(), path).toBe("");
  }

  test("asks every page and API route for credentials, and shows nothing without them", async ({
    request,
  }) => {
    const page = await request.get(`${server.url}/recordings`, { headers: basic("alice:s3cret pass") });
    const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await page.text())?.[1] ?? "";
    expect(asset).not.toBe("");
    const paths = [
      "/",
      "/recordings",
      "/recordings/suite/recordings/chat.json",
      "/tests",
      "/compare",
      "/api/recordings",
      "/api/recordings/suite/recordings/chat.json",
      "/api/compare?a=suite/recordings/chat.json&b=suite/recordings/chat.json",
      "/no/such/page",
      asset,
    ];
    for (const path of paths) {
      await assertDenied(request, path);
      await assertDenied(request, path, basic("alice:wrong"));
      await assertDenied(request, path, basic("bob:s3cret pass"));
      await assertDenied(request, path, basic("alice:s3cret pas"));
      await assertDenied(request, path, { Authorization: "Bearer s3cret pass" });
    }
  });

  test("lets the right credentials in", async ({ request }) => {
    for (const path of ["/", "/recordings", "/recordings/suite/recordings/chat.json", "/api/recordings"]) {
      const response = await request.get(`${server.url}${path}`, { headers: basic("alice:s3cret pass") });
      expect(response.status(), path).toBe(200);
    }
  });

  test("leaves /api/health open for health checks, without the root's path", async ({ request }) => {
    const response = await request.get(`${server.url}/api/health`);
    expect(response.status()).toBe(200);
    const open = health.parse(await response.json());
    expect(open.recordings).toBe(1);
    expect(open.root).toBeUndefined();
    for (const headers of [basic("alice:wrong"), { Authorization: "Bearer s3cret pass" }]) {
      const wrong = health.parse(await (await request.get(`${server.url}/api/health`, { headers })).json());
      expect(wrong.root).toBeUndefined();
    }
    const trusted = await request.get(`${server.url}/api/health`, { headers: basic("alice:s3cret pass") });
    expect(health.parse(await trusted.json()).root).toBe(root);
  });

  test("works in a browser that has the credentials", async ({ browser }) => {
    const context = await browser.newContext({
      httpCredentials: { username: "alice", password: "s3cret pass" },
    });
    const page = await context.newPage();
    const failed: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${server.url}/recordings`);
    await page
      .getByRole("link", { name: /inside the root/ })
      .first()
      .click();
    await expect(page.getByText("inside the root").first()).toBeVisible();
    expect(failed).toEqual([]);
    await context.close();
  });
});

test.describe("a server with TAPEDECK_GIT=off", () => {
  let server: RunningServer;
  let root: string;

  test.beforeAll(async () => {
    root = gitRoot();
    server = await startServer({ env: { TAPEDECK_ROOT: root, TAPEDECK_GIT: "off" } });
  });

  test.afterAll(async () => {
    await server?.stop();
    removeRoot(root);
  });

  test("refuses revisions with a clear message and still compares files", async ({ request }) => {
    const byRevision = await request.get(`${server.url}/api/compare?a=chat.json&b=HEAD~1:chat.json`);
    expect(byRevision.status()).toBe(400);
    expect(await byRevision.json()).toEqual({ error: expect.stringContaining("TAPEDECK_GIT=off") });
    const files = await request.get(`${server.url}/api/compare?a=chat.json&b=chat.json`);
    expect(files.status()).toBe(200);
  });

  test("with git on, the same request compares the two revisions", async ({ request }) => {
    const on = await startServer({ env: { TAPEDECK_ROOT: root } });
    try {
      const response = await request.get(`${on.url}/api/compare?a=chat.json&b=HEAD~1:chat.json`);
      expect(response.status()).toBe(200);
      expect(await response.json()).toMatchObject({ verdict: "response" });
    } finally {
      await on.stop();
    }
  });
});

test.describe("a bad configuration", () => {
  let root: string;
  let outside: string;

  test.beforeAll(() => {
    ({ root, outside } = rootWithEscapes());
  });

  test.afterAll(() => {
    removeRoot(root);
    removeRoot(outside);
  });

  // Each bad value stops the server at start-up, with a message that names the variable.
  const cases: [string, Record<string, string>][] = [
    ["TAPEDECK_ROOT", { TAPEDECK_ROOT: "/no/such/tapedeck/root" }],
    ["PORT", { PORT: "%PORT%abc" }],
    ["HOST", { HOST: "http://0.0.0.0" }],
    ["TAPEDECK_BASE_PATH", { TAPEDECK_BASE_PATH: "tapedeck/" }],
    ["TAPEDECK_BASE_PATH", { TAPEDECK_BASE_PATH: "/elsewhere" }],
    ["TAPEDECK_AUTH", { TAPEDECK_AUTH: "alice" }],
    ["TAPEDECK_AUTH", { TAPEDECK_AUTH: "" }],
    ["TAPEDECK_MAX_FILE_MB", { TAPEDECK_MAX_FILE_MB: "lots" }],
    ["TAPEDECK_GIT", { TAPEDECK_GIT: "maybe" }],
  ];
  for (const [variable, bad] of cases) {
    test(`${variable}=${JSON.stringify(Object.values(bad)[0])} exits non-zero naming ${variable}`, async () => {
      const { freePort } = await import("./deploy/server");
      const port = String(await freePort());
      const env = { TAPEDECK_ROOT: root, HOSTNAME: "127.0.0.1", PORT: port, ...bad };
      // The standalone server reads the leading digits of PORT itself; our check wants all of it.
      if (env.PORT.startsWith("%PORT%")) env.PORT = env.PORT.replace("%PORT%", port);
      const { code, output } = await runToExit({ env });
      expect(code).not.toBe(0);
      expect(output).toContain(`tapedeck: invalid configuration: ${variable}: `);
    });
  }

  test("tapedeck serve checks the configuration before building or starting anything", async () => {
    const { code, output } = await runToExit({
      command: ["node", join(APP_DIR, "bin", "tapedeck.mjs"), "serve", root, "--port", "3999"],
      cwd: APP_DIR,
      env: { TAPEDECK_GIT: "sometimes" },
    });
    expect(code).toBe(2);
    expect(output).toContain('TAPEDECK_GIT: must be "on" or "off"');
    expect(output).not.toContain("building");
  });

  test("bound to every interface without auth, the server warns at start-up", async () => {
    const server = await startServer({ env: { TAPEDECK_ROOT: root, HOSTNAME: "0.0.0.0" } });
    try {
      expect(server.output()).toContain(
        "tapedeck: warning: listening on 0.0.0.0, reachable from other machines, without authentication",
      );
    } finally {
      await server.stop();
    }
  });
});

test.describe("a build under a sub-path", () => {
  const BASE = "/tapedeck";
  let standalone: string;
  let server: RunningServer;
  let root: string;
  let outside: string;

  test.beforeAll(async () => {
    // A second production build (about a minute on two cores), in a temporary copy of the app,
    // reused while the sources are unchanged.
    test.setTimeout(8 * 60_000);
    ({ root, outside } = rootWithEscapes());
    standalone = await buildWithBasePath(BASE);
    server = await startServer({
      cwd: standalone,
      basePath: BASE,
      env: { TAPEDECK_ROOT: root, TAPEDECK_BASE_PATH: BASE },
    });
  });

  test.afterAll(async () => {
    await server?.stop();
    removeRoot(root);
    removeRoot(outside);
  });

  test("serves pages, API routes and assets under the base path only", async ({ request }) => {
    expect((await request.get(`${server.url}/api/health`)).status()).toBe(200);
    const origin = server.url.slice(0, -BASE.length);
    expect((await request.get(`${origin}/api/health`)).status()).toBe(404);
    expect((await request.get(`${origin}/recordings`)).status()).toBe(404);
    const page = await request.get(`${server.url}/recordings`);
    expect(page.status()).toBe(200);
    const html = await page.text();
    const sources = [...html.matchAll(/<script[^>]* src="([^"]+)"/g)].map((match) => match[1] ?? "");
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source.startsWith(`${BASE}/_next/static/`), source).toBe(true);
    expect(html).toContain(`href="${BASE}/recordings/suite/recordings/chat.json"`);
  });

  test("works in a browser: the list, a recording, and back, with no failed request", async ({ page }) => {
    const failed: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    // Prefetches cut short by the navigation are aborted, not failed.
    page.on("requestfailed", (request) => {
      if (request.failure()?.errorText !== "net::ERR_ABORTED") failed.push(`failed ${request.url()}`);
    });
    await page.goto(`${server.url}/recordings`);
    await page
      .getByRole("link", { name: /inside the root/ })
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`${BASE}/recordings/suite/recordings/chat\\.json`));
    await expect(page.getByText("inside the root").first()).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${BASE}/recordings`));
    expect(failed).toEqual([]);
  });

  test("refuses to start without the base path it was built for", async () => {
    const { code, output } = await runToExit({ cwd: standalone, env: { TAPEDECK_ROOT: root } });
    expect(code).not.toBe(0);
    expect(output).toContain('TAPEDECK_BASE_PATH: is "(unset)" but this build serves under /tapedeck');
  });
});
