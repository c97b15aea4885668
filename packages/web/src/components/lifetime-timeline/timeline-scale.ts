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
