import type { RecordingSummary } from "@/lib/index/summary-schema";
import { HtmlLinks } from "./html-links";
import { recordingRowHtml } from "./recording-rows-html";

/** One recording in a list: the same row the list page serves (`recordingRowHtml`). */
export function RecordingRow({ summary }: { summary: RecordingSummary }) {
  return <HtmlLinks html={recordingRowHtml(summary)} />;
}
