export interface ImageSource {
  /** What to put in `<img src>`, or null when the image is not shown inline. */
  src: string | null;
  /**
   * An image on another server: linked, never loaded, so viewing a recording fetches nothing
   * from outside (the content security policy would refuse it anyway).
   */
  href: string | null;
  /** A short description: the URL, or `data URL, image/png, 420 KB`. */
  caption: string;
}

const BASE64 = /^[A-Za-z0-9+/=\s]+$/;

function approximateBytes(base64Length: number): string {
  const bytes = Math.floor((base64Length * 3) / 4);
  return bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(0)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** How to show an image part: http(s) and data URLs as they are, bare base64 as a data URL. */
export function imageSource(url: string, mediaType: string | null): ImageSource {
  if (/^https?:\/\//i.test(url)) return { src: null, href: url, caption: url };
  const data = /^data:([^;,]*)(;base64)?,/i.exec(url);
  if (data) {
    const payload = url.length - data[0].length;
    return {
      src: url,
      href: null,
      caption: `data URL, ${data[1] || "unknown type"}, ${approximateBytes(payload)}`,
    };
  }
  if (url.length > 0 && BASE64.test(url.slice(0, 4096))) {
    const type = mediaType && /^image\/[\w.+-]+$/.test(mediaType) ? mediaType : "image/png";
    return {
      src: `data:${type};base64,${url.replace(/\s+/g, "")}`,
      href: null,
      caption: `base64, ${mediaType ?? "type not recorded"}, ${approximateBytes(url.length)}`,
    };
  }
  return { src: null, href: null, caption: url.length > 200 ? `${url.slice(0, 200)}…` : url };
}
