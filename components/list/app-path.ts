/** The base path the build serves under (`next.config.js`); links in HTML written by hand carry it. */
const BASE_PATH = process.env.TAPEDECK_BUILT_BASE_PATH ?? "";

/**
 * The app's own path of a URL, for `router.push` (which adds the base path itself): the path
 * without the base path, with its query and hash; null for another origin or outside the base path.
 */
export function appPath(url: URL, origin: string): string | null {
  if (url.origin !== origin) return null;
  const { pathname } = url;
  if (BASE_PATH !== "" && pathname !== BASE_PATH && !pathname.startsWith(`${BASE_PATH}/`)) return null;
  return `${pathname.slice(BASE_PATH.length) || "/"}${url.search}${url.hash}`;
}
