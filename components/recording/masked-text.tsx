import { Fragment } from "react";
import { SECRET_MASK_PATTERN } from "@/lib/secrets/finding";

/** Text in which a masked credential is marked, the rule that found it named in its title. */
export function MaskedText({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(SECRET_MASK_PATTERN)) {
    const at = match.index;
    if (at > last) parts.push(<Fragment key={`t${at}`}>{text.slice(last, at)}</Fragment>);
    parts.push(
      <mark
        key={`m${at}`}
        title={`credential found by the rule ${match[1] ?? ""}: masked`}
        data-secret-rule={match[1]}
        className="rounded bg-red-100 px-0.5 text-red-900 dark:bg-red-900/60 dark:text-red-100"
      >
        {match[0]}
      </mark>,
    );
    last = at + match[0].length;
  }
  if (parts.length === 0) return <>{text}</>;
  if (last < text.length) parts.push(<Fragment key="rest">{text.slice(last)}</Fragment>);
  return <>{parts}</>;
}
