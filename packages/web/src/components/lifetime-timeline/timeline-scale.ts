/** Token lifetime instants (epoch seconds) to place on a line; pure so it can be tested without a DOM. */
export interface LifetimeInput {
  issuedAt: number | null
  notBefore: number | null
  expiresAt: number
  now: number
  skewSeconds: number
}

export interface TimelineLayout {
  /** x positions in [0, width]. */
  x: (t: number) => number
  validFrom: number
  validTo: number
  skewBefore: [number, number]
  skewAfter: [number, number]
  state: 'valid' | 'in-skew' | 'expired' | 'not-yet-valid'
  /**
   * Where the axis is broken (x of the break mark), or null. When now is far from the token's lifetime (a token that
   * expired years ago), the lifetime keeps most of the width and now sits past a break, instead of the lifetime
   * shrinking to a sliver.
   */
  axisBreak: { x: number; side: 'after' | 'before'; gapSeconds: number } | null
}

/** Now farther from the lifetime than this many lifetimes breaks the axis. */
const BREAK_RATIO = 2
/** Room for the break mark and "now" at the broken end, in viewBox units. */
const BREAK_ROOM = 56

export function layoutTimeline(input: LifetimeInput, width: number, margin: number): TimelineLayout {
  const validFrom = input.notBefore ?? input.issuedAt ?? input.expiresAt
  const validTo = input.expiresAt
  const tokenPoints = [validFrom - input.skewSeconds, validTo + input.skewSeconds]
  if (input.issuedAt !== null) tokenPoints.push(input.issuedAt)
  const tokenStart = Math.min(...tokenPoints)
  const tokenEnd = Math.max(...tokenPoints)
  const tokenSpan = Math.max(tokenEnd - tokenStart, 1)
  let axisBreak: TimelineLayout['axisBreak'] = null
  let x: (t: number) => number
  if (input.now - tokenEnd > BREAK_RATIO * tokenSpan || tokenStart - input.now > BREAK_RATIO * tokenSpan) {
    const after = input.now > tokenEnd
    const pad = tokenSpan * 0.04
    const lo = after ? margin : margin + BREAK_ROOM
    const hi = after ? width - margin - BREAK_ROOM : width - margin
    const inner = (t: number): number => lo + ((t - (tokenStart - pad)) / (tokenSpan + 2 * pad)) * (hi - lo)
    const nowX = after ? width - margin - 8 : margin + 8
    x = (t: number): number =>
      after ? (t > tokenEnd + pad ? nowX : inner(t)) : t < tokenStart - pad ? nowX : inner(t)
    axisBreak = {
      x: after ? hi + BREAK_ROOM / 2 - 8 : lo - BREAK_ROOM / 2 + 8,
      side: after ? 'after' : 'before',
      gapSeconds: after ? input.now - tokenEnd : tokenStart - input.now,
    }
  } else {
    const start = Math.min(tokenStart, input.now)
    const end = Math.max(tokenEnd, input.now)
    const span = Math.max(end - start, 1)
    const pad = span * 0.04
    x = (t: number): number => margin + ((t - (start - pad)) / (span + 2 * pad)) * (width - 2 * margin)
  }
  let state: TimelineLayout['state'] = 'valid'
  if (input.now > validTo + input.skewSeconds) state = 'expired'
  else if (input.now < validFrom - input.skewSeconds) state = 'not-yet-valid'
  else if (input.now > validTo || input.now < validFrom) state = 'in-skew'
  return {
    x,
    validFrom,
    validTo,
    skewBefore: [validFrom - input.skewSeconds, validFrom],
    skewAfter: [validTo, validTo + input.skewSeconds],
    state,
    axisBreak,
  }
}

export interface LabelPlacement {
  /** Baseline of the start label ("not before"/"issued") and of "expires". */
  startY: number
  endY: number
  /** On its own row, "expires" reads away from the nearer edge so it never runs off the drawing. */
  endAnchor: 'start' | 'end'
  /** Height the drawing needs for its labels. */
  height: number
}

/** Room one 11 px label needs, in viewBox units; below twice that the two labels would run into each other. */
const LABEL_ROOM = 62

/**
 * Where the bar's two labels go. They sit under each end of the valid bar; when the bar is too short for both
 * (a token seen hours after it expired, say), "expires" drops to a second row instead of overprinting.
 */
export function placeLabels(layout: TimelineLayout, width: number): LabelPlacement {
  const endX = layout.x(layout.validTo)
  const barWidth = endX - layout.x(layout.validFrom)
  if (barWidth >= 2 * LABEL_ROOM) return { startY: 58, endY: 58, endAnchor: 'end', height: 66 }
  return { startY: 58, endY: 72, endAnchor: endX > width / 2 ? 'end' : 'start', height: 78 }
}
