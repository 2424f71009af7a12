import { shownText } from "@/lib/views/recording/shown-text";
import styles from "./message.module.css";

const PRE = styles.text;

/** Preformatted text; beyond `limit` characters only a preview shows until the reader opens it. */
export function LongText({
  text,
  limit = 2000,
  className = "",
}: {
  text: string;
  limit?: number;
  className?: string;
}) {
  if (text.length <= limit) return <pre className={`${PRE} ${className}`}>{text}</pre>;
  return (
    <details className="group">
      <summary className="cursor-pointer list-none">
        <pre className={`${PRE} ${className} group-open:hidden`}>{text.slice(0, Math.floor(limit / 2))}…</pre>
        <span className="mt-1 inline-block text-xs font-medium text-indigo-700 dark:text-indigo-300">
          <span className="group-open:hidden">Show all {text.length.toLocaleString("en-US")} characters</span>
          <span className="hidden group-open:inline">Show less</span>
        </span>
      </summary>
      <pre className={`${PRE} ${className} mt-1`}>{shownText(text)}</pre>
    </details>
  );
}
