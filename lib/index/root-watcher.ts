import { relative } from "node:path";
import { watch, type FSWatcher } from "chokidar";

const WATCH_DEBOUNCE_MS = 150;

/** Watches a root and calls `changed` after a short quiet spell following any change under it. */
export class RootWatcher {
  private readonly watcher: FSWatcher;
  private timer: NodeJS.Timeout | null = null;

  constructor(root: string, changed: () => void) {
    this.watcher = watch(root, {
      ignoreInitial: true,
      followSymlinks: false,
      // Tested below the root only: a root that itself lies under a `.git` or `node_modules`
      // folder is still watched.
      ignored: (path) => /(^|[/\\])(node_modules|\.git)([/\\]|$)/.test(relative(root, path)),
    });
    const schedule = () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = null;
        changed();
      }, WATCH_DEBOUNCE_MS);
    };
    this.watcher.on("all", schedule);
    // Files written while the watcher was starting raise no event: look once it is ready.
    this.watcher.on("ready", schedule);
    this.watcher.on("error", () => {
      // A vanished folder or a permission error must not stop the server; the next event retries.
    });
  }

  /** Stops watching; a change waiting for its quiet spell is dropped. */
  async close(): Promise<void> {
    await this.watcher.close();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
