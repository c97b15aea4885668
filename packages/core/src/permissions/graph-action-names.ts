/**
 * Microsoft Graph accepts a bound action or function by its namespace-qualified name as well as by its short name:
 * `/security/microsoft.graph.security.runHuntingQuery` and `/security/runHuntingQuery` are one call. The catalog writes
 * the short form; this gives the request's segments in that form, or null when no segment is qualified.
 */
const PREFIX = 'microsoft.graph.'

function shortName(segment: string): string | null {
  if (segment.length <= PREFIX.length || segment.slice(0, PREFIX.length).toLowerCase() !== PREFIX) return null
  // A function segment keeps its arguments: microsoft.graph.delta() → delta(); dots inside them do not count.
  const open = segment.indexOf('(')
  const head = open < 0 ? segment : segment.slice(0, open)
  const name = head.slice(head.lastIndexOf('.') + 1)
  return name === '' ? null : `${name}${open < 0 ? '' : segment.slice(open)}`
}

export function unqualifiedGraphSegments(segments: readonly string[]): readonly string[] | null {
  let changed = false
  const out = segments.map((s) => {
    const short = shortName(s)
    if (short === null) return s
    changed = true
    return short
  })
  return changed ? out : null
}
