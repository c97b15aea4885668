import type { KnownApiId } from '../../entra/apis.js'

/**
 * The documented rate limits a 429 answer is explained with (read 2026-12-07; the project's reference
 * defender-apis.md "Rate limits", from each API's pages: MDE api "common-errors" and each operation's page, Defender
 * XDR api-incident, Graph throttling-limits). Data apart from logic, so it can be reviewed on its own.
 */
export const DOCUMENTED_RATE_LIMITS: Readonly<Record<KnownApiId, readonly string[]>> = {
  mde: [
    "Most Defender for Endpoint operations: per-operation limits on each operation's page, e.g. isolate 100 calls per minute and 1,500 per hour.",
    'Advanced hunting: 45 calls per minute and 1,500 per hour, 10 minutes of running time per hour, 3 hours per day, 200 seconds and 50 MB per request.',
  ],
  m365d: ['Defender XDR incidents: 50 calls per minute and 1,500 per hour.'],
  graph: [
    'Microsoft Graph security alerts: 150 requests per minute per app per tenant (threat indicators 1,000 per minute, eDiscovery 5 per minute).',
    'Microsoft Graph overall: 130,000 requests per 10 seconds per app across all tenants — a multi-tenant app shares it between every customer.',
  ],
}

/**
 * The Retry-After header's value in seconds (delta-seconds or an HTTP date, RFC 9110 §10.2.3), read from pasted
 * answer text; null when absent or unreadable. `now` turns a date into seconds.
 */
export function readRetryAfter(text: string, now: Date): number | null {
  const m = /(?:^|[\r\n])[ \t]*retry-after[ \t]*:[ \t]*([^\r\n]{1,64})/i.exec(text)
  if (m === null) {
    // A JSON body quoting it (e.g. a Logic App's output): "Retry-After": "30"
    const q = /"retry-after"[ \t]*:[ \t]*"?(\d{1,7})/i.exec(text)
    return q === null ? null : Number(q[1])
  }
  const value = (m[1] as string).trim()
  if (/^\d{1,7}$/.test(value)) return Number(value)
  const at = Date.parse(value)
  if (Number.isNaN(at)) return null
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000))
}

/** Whether the text is a 429 answer: its status line, Graph's TooManyRequests code, or the words. */
export function isTooManyRequests(text: string, code: string | null, status: number | null): boolean {
  return (
    status === 429 ||
    code === 'TooManyRequests' ||
    code === 'activityLimitReached' ||
    /\bToo Many Requests\b|\brate limit is exceeded\b/i.test(text)
  )
}
