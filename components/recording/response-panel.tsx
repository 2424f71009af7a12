import type { ResponseInfo } from "@/lib/model/exchange";
import { toMessageView } from "@/lib/views/recording/message-view";
import { chunkWindow, windowSpans } from "@/lib/views/recording/chunk-window";
import { usageSummary } from "@/lib/views/recording/stream-timeline";
import { EmbeddingsView } from "./embeddings-view";
import { ErrorCard } from "./error-card";
import { MarkdownText } from "./markdown-text";
import { MessageCard } from "./message-card";
import { ModelsTable } from "./models-table";
import { ResultView } from "./result-view";
import { loadChunkWindow } from "./stream-actions";
import { StreamExplorer } from "./stream-explorer";
import { UnknownView } from "./unknown-view";

type MessageResponse = Extract<ResponseInfo, { type: "message" }>;

/** Where a response was read from, so the page can load more of its stream: file and interaction. */
export interface ResponseSource {
  relPath: string;
  interaction: number;
}

function MessageResponseView({
  response,
  idPrefix,
  source,
}: {
  response: MessageResponse;
  idPrefix: string;
  source: ResponseSource | null;
}) {
  const messages = response.choices.map(toMessageView);
  const usage = response.usage ? usageSummary(response.usage) : null;
  const markdown = messages.map((message) => <MarkdownText key={message.index} source={message.content} />);
  if (response.streaming && response.chunks.length > 0) {
    // Only plain rows and texts cross to the browser, never the raw chunks; and of a long stream,
    // one window of rows (the others are loaded when asked for).
    const first = chunkWindow(response.chunks);
    const long = first.total > first.rows.length;
    return (
      <StreamExplorer
        firstWindow={first}
        spans={windowSpans(response.chunks)}
        load={long && source ? loadChunkWindow.bind(null, source.relPath, source.interaction) : null}
        messages={messages}
        markdown={markdown}
        usage={usage}
        idPrefix={idPrefix}
      />
    );
  }
  return (
    <section aria-labelledby={`${idPrefix}message-heading`} className="space-y-2">
      <div className="flex flex-wrap items-baseline gap-3">
        <h3 id={`${idPrefix}message-heading`} className="text-base font-semibold">
          Message
        </h3>
        <span className="text-xs text-zinc-500">
          {response.streaming ? "streamed, no chunks" : "not streamed"}
        </span>
        {usage && <span className="ml-auto text-xs text-zinc-500">Usage: {usage}</span>}
      </div>
      {messages.map((message, position) => (
        <MessageCard
          key={message.index}
          message={message}
          numbered={messages.length > 1}
          mode="markdown"
          markdown={markdown[position]}
        />
      ))}
    </section>
  );
}

function ResponseBody({
  response,
  notes,
  idPrefix,
  source,
}: {
  response: ResponseInfo;
  notes: string[];
  idPrefix: string;
  source: ResponseSource | null;
}) {
  switch (response.type) {
    case "message":
      return <MessageResponseView response={response} idPrefix={idPrefix} source={source} />;
    case "embeddings":
      return <EmbeddingsView response={response} />;
    case "models":
      return <ModelsTable models={response.models} />;
    case "result":
      return <ResultView response={response} />;
    case "error":
      return <ErrorCard error={response.error} />;
    case "unknown":
      return <UnknownView notes={notes} />;
  }
}

/** What came back, by kind of response. */
export function ResponsePanel({
  response,
  notes,
  idPrefix = "",
  level = 2,
  source = null,
}: {
  response: ResponseInfo;
  notes: string[];
  /** Prefix of element ids, so several interactions can share a page. */
  idPrefix?: string;
  /** The heading level (3 inside a cassette's interaction). */
  level?: 2 | 3;
  /** The file and interaction the response is from (lets a long stream load more of its chunks). */
  source?: ResponseSource | null;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={`${idPrefix}response-heading`} className="space-y-4">
      <Heading
        id={`${idPrefix}response-heading`}
        className={level === 2 ? "text-lg font-semibold" : "text-base font-semibold"}
      >
        Response
      </Heading>
      <ResponseBody response={response} notes={notes} idPrefix={idPrefix} source={source} />
    </section>
  );
}
