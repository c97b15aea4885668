import { formatDuration } from '../../time/duration.js'

// C0/C1 controls, DEL, line and paragraph separators, and bidirectional overrides: a claim value is text from
// whoever made the token, and printed raw it could move the cursor, recolour the terminal or reorder a line.
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/** Makes token-derived text safe to print on a terminal: controls become visible \u escapes. */
export function safeText(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Shortens long values for a table; the Report (--json) keeps them whole. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  return `${text.slice(0, max - 1)}… (${text.length} characters)`
}

/** "2024-05-01 11:08:19 UTC" */
export function utc(date: Date): string {
  return date.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC')
}

export type TimeRole = 'expires' | 'not-before' | 'issued' | 'plain'

/** "expired 3 h ago", "expires in 42 min", "valid from 5 min ago", "issued 2 h ago". */
export function relativeTime(at: Date, now: Date, role: TimeRole): string {
  const delta = (at.getTime() - now.getTime()) / 1000
  const span = formatDuration(delta)
  const future = delta > 0
  switch (role) {
    case 'expires': return future ? `expires in ${span}` : `expired ${span} ago`
    case 'not-before': return future ? `valid only in ${span}` : `valid since ${span} ago`
    case 'issued': return future ? `issued ${span} in the future` : `issued ${span} ago`
    case 'plain': return future ? `in ${span}` : `${span} ago`
  }
}

/** The first sentence of an explanation ("e.g. x" does not end one: a sentence ends before a capital letter). */
export function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(?=\s+[A-Z"(]|$)/s.exec(text)
  return m ? (m[1] as string) : text
}
