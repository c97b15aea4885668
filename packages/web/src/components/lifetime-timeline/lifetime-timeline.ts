import { LitElement, html, nothing, svg } from 'lit'
import { formatDuration, formatRelative, formatUtc } from '../../format/duration.js'
import { sharedStyles } from '../../styles/shared.js'
import { lifetimeBreakStyles, lifetimeTimelineStyles } from './lifetime-timeline.styles.js'
import { layoutTimeline, placeLabels, type TimelineLayout } from './timeline-scale.js'

const WIDTH = 320
const MARGIN = 8

const STATE_TEXT: Record<TimelineLayout['state'], string> = {
  valid: 'valid now',
  'in-skew': 'outside its lifetime but within the allowed clock skew',
  expired: 'expired',
  'not-yet-valid': 'not valid yet',
}

/** Issued, not before, now and expires on one line, with the clock-skew bands either side, drawn as SVG. */
export class CcLifetimeTimeline extends LitElement {
  static override properties = {
    issuedAt: { attribute: false },
    notBefore: { attribute: false },
    expiresAt: { attribute: false },
    now: { attribute: false },
    skewSeconds: { attribute: false },
  }
  static override styles = [sharedStyles, lifetimeTimelineStyles, lifetimeBreakStyles]
  declare issuedAt: number | null
  declare notBefore: number | null
  declare expiresAt: number | null
  declare now: Date
  declare skewSeconds: number

  constructor() {
    super()
    this.issuedAt = null
    this.notBefore = null
    this.expiresAt = null
    this.now = new Date()
    this.skewSeconds = 300
  }

  override render() {
    if (this.expiresAt === null)
      return html`<p class="hint">The token has no usable expiry (exp), so there is no lifetime to draw.</p>`
    const now = Math.floor(this.now.getTime() / 1000)
    const l = layoutTimeline(
      {
        issuedAt: this.issuedAt,
        notBefore: this.notBefore,
        expiresAt: this.expiresAt,
        now,
        skewSeconds: this.skewSeconds,
      },
      WIDTH,
      MARGIN,
    )
    const nowX = l.x(now)
    const labels = placeLabels(l, WIDTH)
    const gap =
      l.axisBreak === null
        ? ''
        : ` The axis is broken: now is ${formatDuration(l.axisBreak.gapSeconds)} ${l.axisBreak.side === 'after' ? 'after' : 'before'} the lifetime.`
    const summary = `Lifetime ${formatDuration(l.validTo - l.validFrom)}; the token is ${STATE_TEXT[l.state]}.${gap}`
    return html`
      <svg viewBox="0 0 ${WIDTH} ${labels.height}" role="img" aria-labelledby="timeline-title" class="state-${l.state}">
        <title id="timeline-title">${summary}</title>
        ${svg`
          <rect class="skew" x=${l.x(l.skewBefore[0])} y="26" width=${Math.max(l.x(l.skewBefore[1]) - l.x(l.skewBefore[0]), 0)} height="12"></rect>
          <rect class="skew" x=${l.x(l.skewAfter[0])} y="26" width=${Math.max(l.x(l.skewAfter[1]) - l.x(l.skewAfter[0]), 0)} height="12"></rect>
          <rect class="valid" x=${l.x(l.validFrom)} y="26" width=${Math.max(l.x(l.validTo) - l.x(l.validFrom), 1)} height="12"></rect>
          ${
            this.issuedAt !== null && this.issuedAt !== l.validFrom
              ? svg`<line class="tick" x1=${l.x(this.issuedAt)} x2=${l.x(this.issuedAt)} y1="22" y2="42"></line>`
              : nothing
          }
          <text class="label" x=${l.x(l.validFrom)} y=${labels.startY} text-anchor="start">${this.notBefore !== null ? 'not before' : 'issued'}</text>
          <text class="label" x=${l.x(l.validTo)} y=${labels.endY} text-anchor=${labels.endAnchor}>expires</text>
          ${
            l.axisBreak === null
              ? nothing
              : svg`
            <line class="axis" x1=${l.axisBreak.side === 'after' ? l.x(l.validTo) : l.axisBreak.x + 6} x2=${l.axisBreak.side === 'after' ? l.axisBreak.x - 6 : l.x(l.validFrom)} y1="32" y2="32"></line>
            <line class="axis" x1=${l.axisBreak.side === 'after' ? l.axisBreak.x + 6 : nowX} x2=${l.axisBreak.side === 'after' ? nowX : l.axisBreak.x - 6} y1="32" y2="32"></line>
            <path class="break" d="M ${l.axisBreak.x - 7} 40 L ${l.axisBreak.x - 1} 24 M ${l.axisBreak.x + 1} 40 L ${l.axisBreak.x + 7} 24"></path>`
          }
          <line class="now" x1=${nowX} x2=${nowX} y1="14" y2="46"></line>
          <text class="label now-label" x=${Math.min(Math.max(nowX, 16), WIDTH - 16)} y="10" text-anchor="middle">now</text>
          ${l.axisBreak === null ? nothing : svg`<text class="label" x=${l.axisBreak.x} y="58" text-anchor="middle">${formatDuration(l.axisBreak.gapSeconds)}</text>`}
        `}
      </svg>
      <p class="state">${summary}</p>
      <dl>
        ${this.issuedAt === null ? nothing : html`<dt>Issued (iat)</dt><dd>${formatUtc(this.issuedAt)} · ${formatRelative(this.issuedAt, this.now)}</dd>`}
        ${this.notBefore === null ? nothing : html`<dt>Not before (nbf)</dt><dd>${formatUtc(this.notBefore)} · ${formatRelative(this.notBefore, this.now)}</dd>`}
        <dt>Expires (exp)</dt><dd>${formatUtc(this.expiresAt)} · ${formatRelative(this.expiresAt, this.now)}</dd>
        <dt>Now</dt><dd>${formatUtc(now)}</dd>
        <dt>Clock skew</dt><dd>± ${formatDuration(this.skewSeconds)} (shaded)</dd>
      </dl>
    `
  }
}

customElements.define('cc-lifetime-timeline', CcLifetimeTimeline)

declare global {
  interface HTMLElementTagNameMap {
    'cc-lifetime-timeline': CcLifetimeTimeline
  }
}
