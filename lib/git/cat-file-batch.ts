import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { environmentLimits } from "@/lib/config";

/** What reading one file gave: its bytes, nothing (no such blob), or only its size (too large to read). */
export type BlobRead =
  | { kind: "blob"; bytes: Buffer }
  | { kind: "missing" }
  | { kind: "too-large"; size: number; maxBytes: number };

const formatSize = (n: number) =>
  n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toFixed(1)} MB`
    : n >= 1024
      ? `${(n / 1024).toFixed(1)} KB`
      : `${n} bytes`;

/** Why an object was not read: its size, past the limit (`TAPEDECK_MAX_FILE_MB`). */
export function tooLargeReason(bytes: number, maxBytes: number): string {
  return `the file is ${formatSize(bytes)} in git, over the ${formatSize(maxBytes)} limit (TAPEDECK_MAX_FILE_MB); it was not read`;
}

/** An object larger than the batch's limit, refused before its bytes were read. */
export class BlobTooLarge extends Error {
  constructor(
    readonly spec: string,
    readonly size: number,
    readonly maxBytes: number,
  ) {
    super(`${spec}: ${tooLargeReason(size, maxBytes)}`);
    this.name = "BlobTooLarge";
  }
}

/** A reply git owes: an object's header (`info`), or its header and bytes (`contents`). */
interface Expected {
  command: "info" | "contents";
  spec: string;
  resolve: (read: BlobRead) => void;
  reject: (error: Error) => void;
}

/**
 * One long-lived `git cat-file --batch-command` process: asks for objects (`<rev>:<path>` or ids)
 * and parses the replies, so reading hundreds of blobs costs one process, not hundreds. Each
 * object's size is asked first (`info`); its bytes (`contents`) only when it is within `maxBytes`,
 * so a huge blob from a pull request is never read into memory. (`--batch-command`: git 2.36 or later.)
 */
export class CatFileBatch {
  private readonly child: ChildProcessWithoutNullStreams;
  /** Replies in the order the commands were written (git answers in that order). */
  private readonly queue: Expected[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  /** Chunks not yet joined to `buffer`: joined once the reply being waited for is complete, not per chunk. */
  private parts: Buffer[] = [];
  private partsLength = 0;
  /** Bytes the reply at the head of the queue needs in `buffer`; 0 when a header line is awaited. */
  private wanted = 0;
  private closed = false;

  constructor(
    repo: string,
    private readonly maxBytes: number = environmentLimits().maxFileBytes,
  ) {
    this.child = spawn("git", ["-C", repo, "cat-file", "--batch-command"], {
      env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0" },
    });
    this.child.stdout.on("data", (data: Buffer) => {
      this.parts.push(data);
      this.partsLength += data.length;
      if (this.buffer.length + this.partsLength < this.wanted) return;
      this.buffer = Buffer.concat([this.buffer, ...this.parts]);
      this.parts = [];
      this.partsLength = 0;
      this.drain();
    });
    const fail = (error: Error) => {
      this.closed = true;
      for (const pending of this.queue.splice(0)) pending.reject(error);
    };
    // What git said last, for the error (git before 2.36 has no `--batch-command`).
    let said = "";
    this.child.stderr.on("data", (data: Buffer) => {
      said = `${said}${data.toString("utf8")}`.slice(-500);
    });
    this.child.on("error", fail);
    this.child.on("close", (code) => {
      const detail = said.trim().split("\n")[0] ?? "";
      fail(new Error(`git cat-file exited${code ? ` (${code})` : ""}${detail ? `: ${detail}` : ""}`));
    });
    this.child.stdin.on("error", () => {});
  }

  private send(expected: Expected, object: string): void {
    this.queue.push(expected);
    this.child.stdin.write(`${expected.command} ${object}\n`);
  }

  private drain(): void {
    for (;;) {
      const pending = this.queue[0];
      if (!pending) return;
      const newline = this.buffer.indexOf(10);
      if (newline === -1) return;
      const header = this.buffer.subarray(0, newline).toString("utf8");
      if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.queue.shift();
        pending.resolve({ kind: "missing" });
        continue;
      }
      const [oid = "", type = "", sizeText = ""] = header.split(" ");
      const size = Number(sizeText);
      if (!/^[0-9a-f]{40,64}$/.test(oid) || sizeText === "" || !Number.isSafeInteger(size)) {
        this.queue.shift();
        pending.reject(new Error(`unexpected reply from git cat-file: ${header.slice(0, 200)}`));
        this.buffer = Buffer.alloc(0);
        continue;
      }
      if (pending.command === "info") {
        this.buffer = this.buffer.subarray(newline + 1);
        this.queue.shift();
        // A tree or a commit is no file (`<rev>:<folder>`).
        if (type !== "blob") pending.resolve({ kind: "missing" });
        else if (size > this.maxBytes) pending.resolve({ kind: "too-large", size, maxBytes: this.maxBytes });
        else this.send({ ...pending, command: "contents" }, oid);
        continue;
      }
      const end = newline + 1 + size + 1;
      if (this.buffer.length < end) {
        this.wanted = end;
        return;
      }
      this.wanted = 0;
      const bytes = Buffer.from(this.buffer.subarray(newline + 1, newline + 1 + size));
      this.buffer = this.buffer.subarray(end);
      this.queue.shift();
      pending.resolve({ kind: "blob", bytes });
    }
  }

  /**
   * The blob's bytes, nothing (no such object, or not a blob), or its size alone when it is past
   * the limit. `spec` is `<rev>:<path>` or an object id.
   */
  readBlob(spec: string): Promise<BlobRead> {
    if (this.closed) return Promise.reject(new Error("git cat-file is closed"));
    if (/[\n\r\0]/.test(spec)) return Promise.reject(new Error("bad object name"));
    return new Promise((resolve, reject) => this.send({ command: "info", spec, resolve, reject }, spec));
  }

  /** The blob's content, or null when there is no such blob; `BlobTooLarge` past the limit. */
  async read(spec: string): Promise<Buffer | null> {
    const read = await this.readBlob(spec);
    if (read.kind === "too-large") throw new BlobTooLarge(spec, read.size, read.maxBytes);
    return read.kind === "blob" ? read.bytes : null;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.child.stdin.end();
  }
}
