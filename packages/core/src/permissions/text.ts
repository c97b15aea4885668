import { boundedText } from '../lib/bounded-text.js'

/**
 * Token and caller text shown in a finding, cut to a bounded length: a message never grows with its input
 * (issue 12: every message built from token content stays small).
 */
export function clip(text: string, limit = 100): string {
  return boundedText(text, limit)
}

/** A list shown in a message: at most `count` items, each clipped, then how many more there are. */
export function clipList(items: readonly string[], count = 10): string[] {
  const shown = items.slice(0, count).map((s) => clip(s))
  return items.length > count ? [...shown, `… (${items.length - count} more)`] : shown
}
