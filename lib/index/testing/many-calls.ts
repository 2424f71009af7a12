/** A vcrpy cassette of `count` small GET calls (a file the index keeps decoded from its first pass). */
export function manyCalls(count: number): string {
  const call = (i: number) =>
    `- request: {body: null, headers: {}, method: GET, uri: 'https://example.com/${i}'}\n` +
    `  response: {body: {string: ok}, headers: {}, status: {code: 200, message: OK}}\n`;
  return `interactions:\n${Array.from({ length: count }, (_, i) => call(i)).join("")}version: 1\n`;
}
