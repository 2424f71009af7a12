import type { ContentPart } from "@/lib/model/exchange";
import { imageSource } from "@/lib/views/recording/image-source";
import { JsonBlock } from "./code-block";
import { LongText } from "./long-text";

/** One part of a conversation message: text, an image, or anything else as recorded. */
export function ContentPartView({ part, label }: { part: ContentPart; label: string }) {
  switch (part.type) {
    case "text":
      return <LongText text={part.text} />;
    case "image": {
      const image = imageSource(part.url, part.mediaType);
      return (
        <figure className="space-y-1">
          {image.src ? (
            // Recorded images are shown as they were sent; next/image would try to optimize them.
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={image.src}
              alt={`Image in ${label}`}
              loading="lazy"
              referrerPolicy="no-referrer"
              className="max-h-72 max-w-full rounded border border-zinc-200 bg-white object-contain dark:border-zinc-700"
            />
          ) : image.href ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Image on another server, not loaded:{" "}
              <a
                href={image.href}
                target="_blank"
                rel="noopener noreferrer"
                className="text-indigo-600 underline dark:text-indigo-400"
              >
                open it
              </a>
            </p>
          ) : (
            <p className="text-sm italic text-zinc-500">Image that cannot be shown.</p>
          )}
          <figcaption className="break-all font-mono text-xs text-zinc-500">{image.caption}</figcaption>
        </figure>
      );
    }
    case "other":
      return (
        <div className="space-y-1">
          <p className="text-xs font-medium text-zinc-500">{part.label}</p>
          <JsonBlock value={part.value} />
        </div>
      );
  }
}
