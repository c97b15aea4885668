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
}

export function layoutTimeline(input: LifetimeInput, width: number, margin: number): TimelineLayout {
  const validFrom = input.notBefore ?? input.issuedAt ?? input.expiresAt
  const validTo = input.expiresAt
  const points = [validFrom - input.skewSeconds, validTo + input.skewSeconds, input.now]
  if (input.issuedAt !== null) points.push(input.issuedAt)
  const start = Math.min(...points)
  const end = Math.max(...points)
  const span = Math.max(end - start, 1)
  const pad = span * 0.04
  const x = (t: number): number => margin + ((t - (start - pad)) / (span + 2 * pad)) * (width - 2 * margin)
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
