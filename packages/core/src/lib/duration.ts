const UNITS: readonly [string, number][] = [
  ['d', 86400],
  ['h', 3600],
  ['min', 60],
  ['s', 1],
]

/** "3 h 5 min", "42 s", "2 d": the largest unit and the next one when it is not zero, for messages and the CLI. */
export function formatDuration(seconds: number): string {
  const s = Math.round(Math.abs(seconds))
  const first = UNITS.findIndex(([, size]) => s >= size)
  if (first === -1) return '0 s'
  const [name, size] = UNITS[first] as [string, number]
  const major = Math.floor(s / size)
  const next = UNITS[first + 1]
  if (next === undefined) return `${major} ${name}`
  const minor = Math.floor((s - major * size) / next[1])
  return minor > 0 ? `${major} ${name} ${minor} ${next[0]}` : `${major} ${name}`
}
