// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import '../../src/components/lifetime-timeline/lifetime-timeline.js'
import type { CcLifetimeTimeline } from '../../src/components/lifetime-timeline/lifetime-timeline.js'
import { layoutTimeline, placeLabels } from '../../src/components/lifetime-timeline/timeline-scale.js'
import { $, mount } from '../support/render.js'
import { NOW } from './fixtures.js'

afterEach(() => document.body.replaceChildren())
const now = NOW.getTime() / 1000

describe('lifetime layout', () => {
  const base = { issuedAt: now - 300, notBefore: now - 300, expiresAt: now + 3300, now, skewSeconds: 300 }
  it('places instants in order inside the margins', () => {
    const l = layoutTimeline(base, 320, 8)
    expect(l.x(l.skewBefore[0])).toBeGreaterThanOrEqual(8)
    expect(l.x(l.skewAfter[1])).toBeLessThanOrEqual(312)
    expect(l.x(base.notBefore)).toBeLessThan(l.x(now))
    expect(l.x(now)).toBeLessThan(l.x(base.expiresAt))
  })
  it('tells valid, in-skew, expired and not-yet-valid apart', () => {
    expect(layoutTimeline(base, 320, 8).state).toBe('valid')
    expect(layoutTimeline({ ...base, expiresAt: now - 100 }, 320, 8).state).toBe('in-skew')
    expect(layoutTimeline({ ...base, expiresAt: now - 400 }, 320, 8).state).toBe('expired')
    expect(layoutTimeline({ ...base, notBefore: now + 400, expiresAt: now + 4000 }, 320, 8).state).toBe(
      'not-yet-valid',
    )
  })
  it('keeps the two bar labels on one row when the bar has room, and stacks them when it does not', () => {
    const roomy = placeLabels(layoutTimeline(base, 320, 8), 320)
    expect(roomy.startY).toBe(roomy.endY)
    // Seen two hours after a one-hour lifetime ended (not far enough to break the axis), the bar is narrow.
    const narrow = layoutTimeline(
      { issuedAt: now - 10_800, notBefore: now - 10_800, expiresAt: now - 7200, now, skewSeconds: 300 },
      320,
      8,
    )
    expect(narrow.axisBreak).toBeNull()
    const sliver = placeLabels(narrow, 320)
    expect(sliver.endY).toBeGreaterThan(sliver.startY)
    expect(sliver.height).toBeGreaterThan(sliver.endY)
    // The bar sits at the left edge, so "expires" reads rightwards.
    expect(sliver.endAnchor).toBe('start')
  })

  it('breaks the axis when now is far from the lifetime, so the bar stays readable (a token expired years ago)', () => {
    const yearsAgo = layoutTimeline(
      {
        issuedAt: now - 3 * 365 * 86_400,
        notBefore: now - 3 * 365 * 86_400,
        expiresAt: now - 3 * 365 * 86_400 + 3600,
        now,
        skewSeconds: 300,
      },
      320,
      8,
    )
    expect(yearsAgo.axisBreak?.side).toBe('after')
    expect(yearsAgo.axisBreak?.gapSeconds).toBeGreaterThan(3 * 364 * 86_400)
    expect(yearsAgo.x(yearsAgo.validTo) - yearsAgo.x(yearsAgo.validFrom)).toBeGreaterThan(150)
    // Everything stays in order and inside the drawing: lifetime, the break, then now.
    expect(yearsAgo.x(yearsAgo.validTo)).toBeLessThan(yearsAgo.axisBreak?.x ?? 0)
    expect(yearsAgo.axisBreak?.x ?? 0).toBeLessThan(yearsAgo.x(now))
    expect(yearsAgo.x(now)).toBeLessThanOrEqual(312)
    expect(placeLabels(yearsAgo, 320).startY).toBe(placeLabels(yearsAgo, 320).endY)
    const future = layoutTimeline(
      { issuedAt: now + 86_400, notBefore: now + 86_400, expiresAt: now + 90_000, now, skewSeconds: 300 },
      320,
      8,
    )
    expect(future.axisBreak?.side).toBe('before')
    expect(future.x(now)).toBeLessThan(future.axisBreak?.x ?? 0)
    expect(future.axisBreak?.x ?? 0).toBeLessThan(future.x(future.validFrom))
    expect(future.state).toBe('not-yet-valid')
  })
})

describe('<cc-lifetime-timeline>', () => {
  it('draws an SVG with a text alternative and lists the times', async () => {
    const el = await mount<CcLifetimeTimeline>('cc-lifetime-timeline', {
      issuedAt: now - 300,
      notBefore: now - 300,
      expiresAt: now - 1000,
      now: NOW,
      skewSeconds: 300,
    })
    const svg = $(el, 'svg') as Element
    expect(svg.getAttribute('role')).toBe('img')
    expect(svg.getAttribute('class')).toBe('state-expired')
    expect($(el, 'title')?.textContent).toContain('expired')
    expect($(el, 'dl')?.textContent).toContain('Expires (exp)')
  })
  it('says so when there is no expiry to draw', async () => {
    const el = await mount<CcLifetimeTimeline>('cc-lifetime-timeline', { expiresAt: null, now: NOW })
    expect($(el, 'svg')).toBeNull()
    expect(el.shadowRoot?.textContent).toContain('no usable expiry')
  })
})
