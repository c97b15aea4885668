import { formatDuration } from '@claimcheck/core'

// One duration formatter for the page, the CLI and the library's messages: core's, through its public entry.
export { formatDuration }

/** "in 55 min", "2 h ago", "now" relative to `now`. */
export function formatRelative(epochSeconds: number, now: Date): string {
  const delta = epochSeconds - Math.floor(now.getTime() / 1000)
  if (Math.abs(delta) < 1) return 'now'
  return delta > 0 ? `in ${formatDuration(delta)}` : `${formatDuration(delta)} ago`
}

/** "2026-11-21 19:32:05 UTC": unambiguous and the same for every reader, unlike locale formats. */
export function formatUtc(epochSeconds: number): string {
  return `${new Date(epochSeconds * 1000)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, '')} UTC`
}
