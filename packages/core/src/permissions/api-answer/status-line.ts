/**
 * The HTTP status of a pasted answer, from its status line (`HTTP/1.1 401 Unauthorized`, `HTTP/2 403`) or from a
 * leading status (`401 Unauthorized`, `403 Forbidden`, `429 Too Many Requests`); null when the text shows none.
 */
export function readStatusLine(text: string): number | null {
  const line = /(?:^|[\r\n])[ \t]*HTTP\/\d(?:\.\d)?[ \t]+(\d{3})\b/i.exec(text)
  if (line !== null) return Number(line[1])
  const bare = /^[ \t]*(\d{3})[ \t]+(?:Unauthorized|Forbidden|Too Many Requests)\b/i.exec(text)
  return bare === null ? null : Number(bare[1])
}

/** The body after the headers of a pasted HTTP answer (after the first blank line), or the text itself. */
export function bodyOf(text: string): string {
  if (!/^[ \t]*HTTP\/\d/i.test(text)) return text
  const blank = /\r?\n\r?\n/.exec(text)
  return blank === null ? '' : text.slice(blank.index + blank[0].length)
}
