const UNITS: readonly (readonly [string, number])[] = [
  ['d', 86400],
  ['h', 3600],
  ['min', 60],
  ['s', 1],
]

/** "3 h 5 min", "42 s": the largest unit and the next one when it is not zero. */
export function formatDuration(seconds: number): string {
  const s = Math.round(Math.abs(seconds))
  const first = UNITS.findIndex(([, size]) => s >= size)
  if (first === -1) return '0 s'
  const [name, size] = UNITS[first] as readonly [string, number]
  const major = Math.floor(s / size)
  const next = UNITS[first + 1]
  if (next === undefined) return `${major} ${name}`
  const minor = Math.floor((s - major * size) / next[1])
  return minor > 0 ? `${major} ${name} ${minor} ${next[0]}` : `${major} ${name}`
}

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
