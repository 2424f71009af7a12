import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

interface Pending {
  resolve: (blob: Buffer | null) => void;
  reject: (error: Error) => void;
}

/**
 * One long-lived `git cat-file --batch` process: asks for objects (`<rev>:<path>` or ids) one line
 * at a time and parses the replies, so reading hundreds of blobs costs one process, not hundreds.
 */
export class CatFileBatch {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private closed = false;

  constructor(repo: string) {
    this.child = spawn("git", ["-C", repo, "cat-file", "--batch"], {
      env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0" },
    });
    this.child.stdout.on("data", (data: Buffer) => {
      this.buffer = this.buffer.length === 0 ? data : Buffer.concat([this.buffer, data]);
      this.drain();
    });
    const fail = (error: Error) => {
      this.closed = true;
      for (const pending of this.queue.splice(0)) pending.reject(error);
    };
    this.child.on("error", fail);
    this.child.on("exit", () => fail(new Error("git cat-file exited")));
    this.child.stdin.on("error", () => {});
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
        pending.resolve(null);
        continue;
      }
      const size = Number(header.split(" ")[2]);
      if (!Number.isFinite(size)) {
        this.queue.shift();
        pending.reject(new Error(`unexpected reply from git cat-file: ${header}`));
        this.buffer = Buffer.alloc(0);
        continue;
      }
      if (this.buffer.length < newline + 1 + size + 1) return;
      const blob = Buffer.from(this.buffer.subarray(newline + 1, newline + 1 + size));
      this.buffer = this.buffer.subarray(newline + 1 + size + 1);
      this.queue.shift();
      pending.resolve(blob);
    }
  }

  /** The object's content, or null when it does not exist. `spec` is `<rev>:<path>` or an object id. */
  read(spec: string): Promise<Buffer | null> {
    if (this.closed) return Promise.reject(new Error("git cat-file is closed"));
    if (/[\n\r\0]/.test(spec)) return Promise.reject(new Error("bad object name"));
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject });
      this.child.stdin.write(`${spec}\n`);
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.child.stdin.end();
  }
}
