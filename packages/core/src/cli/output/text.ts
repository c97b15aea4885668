import { formatDuration } from '../../lib/duration.js'

/** The width human output wraps to when the terminal does not say (a pipe, a file). */
export const DEFAULT_COLUMNS = 100

/**
 * Breaks text into lines of at most `width` characters, at spaces. A single word longer than the line (a URL, a
 * key set address) goes on a line of its own, whole: split, it could no longer be copied or clicked, and the
 * terminal wraps it anyway. Nothing is dropped: the CLI wraps long values, never cuts them.
 */
export function wrapText(text: string, width: number): string[] {
  const max = Math.max(width, 20)
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(' ')) {
      if (line === '') line = word
      else if (line.length + 1 + word.length <= max) line += ` ${word}`
      else {
        lines.push(line)
        line = word
      }
    }
    lines.push(line)
  }
  return lines
}

/**
 * Lines of `text` wrapped to `columns`: the first starts with `first` (a label, already escaped), the rest are
 * indented to `indent` spaces; `paint` (a colour) applies to the text of each line, not to the padding.
 */
export function hanging(
  first: string,
  firstWidth: number,
  text: string,
  columns: number,
  indent: number,
  paint: (s: string) => string = (s) => s,
): string[] {
  const lines = wrapText(text, columns - Math.max(indent, firstWidth))
  return lines.map((line, k) => (k === 0 ? `${first}${paint(line)}` : `${' '.repeat(indent)}${paint(line)}`))
}

/** "2024-05-01 11:08:19 UTC" */
export function utc(date: Date): string {
  return date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, ' UTC')
}

export type TimeRole = 'expires' | 'not-before' | 'issued' | 'plain'

/** "expired 3 h ago", "expires in 42 min", "valid from 5 min ago", "issued 2 h ago". */
export function relativeTime(at: Date, now: Date, role: TimeRole): string {
  const delta = (at.getTime() - now.getTime()) / 1000
  const span = formatDuration(delta)
  const future = delta > 0
  switch (role) {
    case 'expires':
      return future ? `expires in ${span}` : `expired ${span} ago`
    case 'not-before':
      return future ? `valid only in ${span}` : `valid since ${span} ago`
    case 'issued':
      return future ? `issued ${span} in the future` : `issued ${span} ago`
    case 'plain':
      return future ? `in ${span}` : `${span} ago`
  }
}

/** The first sentence of an explanation ("e.g. x" does not end one: a sentence ends before a capital letter). */
export function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(?=\s+[A-Z"(]|$)/s.exec(text)
  return m ? (m[1] as string) : text
}
