import { join } from "node:path";
import { readConfig } from "@/lib/config";
import { githubFileLink } from "@/lib/git/github-link";
import type { OpenedRecording } from "@/lib/index/opened-recording";
import type { Exchange } from "@/lib/model/exchange";
import { firstExchange } from "@/lib/recording/first-exchange";
import { readBinaryHead } from "@/lib/views/recording/broken-bytes";
import { brokenView, readTextHead } from "@/lib/views/recording/broken-view";
import { prettyJson } from "@/lib/views/recording/message-view";
import { recordingNameInfo } from "@/lib/views/recording/name-info";
import { HIGHLIGHT_LIMIT, rawJsonText } from "@/lib/views/recording/raw-json";
import { loadRawJson } from "@/app/recordings/[...path]/actions";
import { CassetteView } from "@/components/cassette/cassette-view";
import { BROKEN_TEXT_ID, BrokenRecording } from "./broken-recording";
import { RAW_JSON_ID, RawJson } from "./raw-json";
import { RecordingHeader } from "./recording-header";
import { RequestPanel } from "./request-panel";
import { ResponsePanel } from "./response-panel";
import { SecretsNotice } from "./secrets-notice";

function messageText(exchange: Exchange): string | null {
  const response = exchange.response;
  if (response.type === "message") {
    const text = response.choices.map((choice) => choice.content).filter(Boolean);
    return text.length > 0 ? text.join("\n\n") : null;
  }
  if (response.type === "result") return response.text || null;
  return null;
}

/** The whole page of one recording: header, then request, response and raw JSON (or the failure). */
export async function RecordingView({
  root,
  opened,
  page = 1,
}: {
  root: string;
  opened: OpenedRecording;
  /** For a long cassette: the page of interactions to show. */
  page?: number;
}) {
  const { summary, read } = opened;
  const unread = read.text === null && !read.decoded.ok;
  const [githubUrl, head, binary] = await Promise.all([
    readConfig().gitEnabled ? githubFileLink(root, summary.relPath) : null,
    unread ? readTextHead(join(root, summary.relPath)) : null,
    unread ? readBinaryHead(join(root, summary.relPath)) : null,
  ]);
  const broken = brokenView(read, head, binary);
  if (read.decoded.ok && !broken && read.decoded.file.format !== "llama-stack") {
    const rawText = read.text ?? "";
    return (
      <CassetteView
        opened={opened}
        file={read.decoded.file}
        rawText={rawText}
        githubUrl={githubUrl}
        page={page}
      />
    );
  }
  const nameInfo = read.text !== null ? await recordingNameInfo(root, summary) : null;
  const exchange = firstExchange(read.decoded);
  if (!read.decoded.ok || broken || !exchange) {
    return (
      <div className="space-y-8">
        <RecordingHeader
          summary={summary}
          exchange={null}
          nameInfo={nameInfo}
          githubUrl={githubUrl}
          copies={{
            requestBody: null,
            messageText: null,
            raw: { label: "Copy raw text", targetId: BROKEN_TEXT_ID },
          }}
        />
        <SecretsNotice secrets={opened.secrets} />
        {broken && <BrokenRecording view={broken} />}
      </div>
    );
  }
  const { raw } = read.decoded;
  const rawText = rawJsonText(read.text, raw);
  const loadRaw = loadRawJson.bind(null, summary.relPath);
  return (
    <div className="space-y-8">
      <RecordingHeader
        summary={summary}
        exchange={exchange}
        nameInfo={nameInfo}
        githubUrl={githubUrl}
        copies={{
          requestBody: prettyJson(exchange.request.body),
          messageText: messageText(exchange),
          raw:
            rawText.length > HIGHLIGHT_LIMIT
              ? { label: "Copy raw JSON", load: loadRaw }
              : { label: "Copy raw JSON", targetId: RAW_JSON_ID },
        }}
      />
      <SecretsNotice secrets={opened.secrets} />
      <RequestPanel request={exchange.request} />
      <ResponsePanel
        response={exchange.response}
        notes={exchange.notes}
        source={{ relPath: summary.relPath, interaction: 0 }}
      />
      <RawJson text={rawText} load={loadRaw} />
    </div>
  );
}
