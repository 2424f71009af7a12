// Prints what Tapedeck makes of recording files, one line per interaction:
// `npx tsx --tsconfig tsconfig.json scripts/probe.ts FILE...` (a developer's tool, not a test).
import { readRecording } from "@/lib/recording/read-recording";
import { summarizeInteraction } from "@/lib/index/summary";

for (const path of process.argv.slice(2)) {
  const { decoded } = await readRecording(path, path);
  if (!decoded.ok) {
    console.log(`${path}: FAILED (${decoded.kind}) ${decoded.reason}`);
    continue;
  }
  const { format, test, interactions, notes } = decoded.file;
  console.log(
    `${path}: ${format}, test ${test ?? "-"}, ${interactions.length} interactions${notes.length ? `; ${notes.join("; ")}` : ""}`,
  );
  for (const interaction of interactions) {
    const s = summarizeInteraction(interaction);
    const why = s.family === "generic" ? ` [${interaction.exchange.notes.join("; ")}]` : "";
    console.log(
      `  #${s.index} ${s.method ?? ""} ${s.host ?? ""}${s.endpoint ?? ""} ${s.status ?? ""} → ${s.family}/${s.kind} model=${s.model ?? "-"}` +
        `${s.streaming ? ` stream(${s.chunks})` : ""}${s.error ? ` error=${s.error}` : ""}${s.problem ? ` PROBLEM=${s.problem}` : ""}` +
        ` reply=${JSON.stringify(s.reply.slice(0, 80))}${why}`,
    );
  }
}
