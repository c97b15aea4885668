// Issue 24 point 6, options and defaults: every option the docs name for an options object exists in the code's one
// list of that object's keys, and every default the docs quote for the key-set layer, the result cache, the clock skew
// and the 503's Retry-After is the code's.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ADAPTER_OPTION_KEYS } from '../../src/adapters/options.js'
import { KEY_SET_DEFAULTS } from '../../src/entra/keyset/options.js'
import { AUTHORIZE_OPTION_KEYS, DEFAULT_RETRY_AFTER_SECONDS } from '../../src/http/settings.js'
import { DEFAULT_CLOCK_SKEW_SECONDS } from '../../src/token/options.js'
import { DEFAULT_RESULT_CACHE_ENTRIES, VERIFIER_OPTION_KEYS } from '../../src/token/verify/options.js'

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url))
const DOCS = join(ROOT, 'docs')
const pages = readdirSync(DOCS)
  .filter((f) => f.endsWith('.md'))
  .map((f) => ({ name: f, text: readFileSync(join(DOCS, f), 'utf8') }))
const all = pages.map((p) => p.text).join('\n')

/** Milliseconds from a quoted duration: `60 s`, `5 min`, `24 h`, `1 h`, `2 s`, `500 ms`. */
function ms(amount: string, unit: string): number {
  const n = Number(amount.replace(/,/g, ''))
  return n * ({ ms: 1, s: 1000, min: 60_000, h: 3_600_000 } as Record<string, number>)[unit]!
}

describe('docs name only options the code has', () => {
  it('every keySets.<name> is a key-set option', () => {
    const named = new Set([...all.matchAll(/keySets\.([A-Za-z]+)/g)].map((m) => m[1] as string))
    expect(named.size).toBeGreaterThan(3)
    expect([...named].filter((n) => !Object.hasOwn(KEY_SET_DEFAULTS, n))).toEqual([])
  })

  it("every option row of protect-an-api.md's tables is an option of authorize or entraAuth", () => {
    const page = pages.find((p) => p.name === 'protect-an-api.md')?.text ?? ''
    const known = new Set<string>([
      ...ADAPTER_OPTION_KEYS,
      ...AUTHORIZE_OPTION_KEYS,
      ...VERIFIER_OPTION_KEYS,
      // the route requirement's own members (its table sits beside the options)
      'api',
      'catalog',
      'operation',
      'require',
      'authContext',
    ])
    const rows = [...page.matchAll(/^\| `([A-Za-z]+)(?:[`(: ]|`)/gm)].map((m) => m[1] as string)
    expect(rows.length).toBeGreaterThan(8)
    expect(rows.filter((r) => !known.has(r) && !['ok'].includes(r))).toEqual([])
  })
})

describe('docs quote the code defaults', () => {
  it('key-set durations: unknownKidCooldownMs, timeoutMs, unknownTenantTtlMs, newTenantsPerMinute, maxEntries', () => {
    const quoted = [
      ...all.matchAll(
        /`(?:keySets\.)?(unknownKidCooldownMs|timeoutMs|unknownTenantTtlMs)`[^.(\n]{0,40}\((?:default )?([\d,.]+) ?(ms|s|min|h)\b/g,
      ),
    ]
    expect(quoted.length).toBeGreaterThanOrEqual(3)
    for (const m of quoted) {
      const name = m[1] as keyof typeof KEY_SET_DEFAULTS
      expect(ms(m[2] as string, m[3] as string), `${m[0]}`).toBe(KEY_SET_DEFAULTS[name])
    }
    for (const m of all.matchAll(/`(?:keySets\.)?newTenantsPerMinute` \(default (\d+)\)/g))
      expect(Number(m[1])).toBe(KEY_SET_DEFAULTS.newTenantsPerMinute)
    for (const m of all.matchAll(/`keySets\.maxEntries`, default ([\d,]+)/g))
      expect(Number((m[1] as string).replace(/,/g, ''))).toBe(KEY_SET_DEFAULTS.maxEntries)
  })

  it('the clock skew, the result cache and the Retry-After of a 503', () => {
    const skews = [...all.matchAll(/`clockSkew`[^|\n]{0,30}?default (\d+)/g)]
    expect(skews.length).toBeGreaterThan(0)
    for (const m of skews) expect(Number(m[1])).toBe(DEFAULT_CLOCK_SKEW_SECONDS)
    const caches = [...all.matchAll(/`resultCache[^`]*`[^.\n]*default ([\d,]+) tokens/g)]
    expect(caches.length).toBeGreaterThan(0)
    for (const m of caches)
      expect(Number((m[1] as string).replace(/,/g, ''))).toBe(DEFAULT_RESULT_CACHE_ENTRIES)
    const retries = [...all.matchAll(/`retryAfterSeconds` \(default (\d+)\)/g)]
    expect(retries.length).toBeGreaterThan(0)
    for (const m of retries) expect(Number(m[1])).toBe(DEFAULT_RETRY_AFTER_SECONDS)
  })
})
