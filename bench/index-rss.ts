// Opens the index in a fresh process and prints its resident memory (used by index-corpus.ts).
import { RecordingIndex } from "@/lib/index/recording-index";

const before = process.memoryUsage().rss;
const index = await RecordingIndex.open({ root: process.argv[2] ?? "recordings", cache: false });
index.search("warm");
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
console.log(`RSS ${mb(process.memoryUsage().rss)} (${mb(before)} before indexing ${index.size} files)`);
// Stops the credentials scan that indexing leaves running in the background.
await index.close();
