import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { FINDINGS, FINDING_CODES, isFindingCode } from '../../src/index.js'

const DOC_PATH = fileURLToPath(new URL('../../../../docs/findings.md', import.meta.url))
const doc = readFileSync(DOC_PATH, 'utf8')

interface Entry {
  heading: string
  /** The code the heading names (`### code` or ``### `code` ``), or null when it names none. */
  code: string | null
  body: string
}

/** Every level-3 section of docs/findings.md; a finding entry is a `### code` heading and the text up to the next heading. */
function entries(markdown: string): Entry[] {
  const parts = markdown.split(/^(?=#{1,3} )/m).filter((p) => p.startsWith('### '))
  return parts.map((part) => {
    const heading = (part.split('\n')[0] as string).slice(4).trim()
    const m = /^`?([a-z0-9]+(?:-[a-z0-9]+)*)`?$/.exec(heading)
    return { heading, code: m ? (m[1] as string) : null, body: part.slice(part.indexOf('\n') + 1) }
  })
}

const all = entries(doc)

describe('docs/findings.md', () => {
  it('has an entry for every code in the catalogue', () => {
    const documented = new Set(all.map((e) => e.code))
    expect(FINDING_CODES.filter((c) => !documented.has(c))).toEqual([])
  })

  it('has no entry that names no code, or a code the catalogue does not have', () => {
    expect(all.filter((e) => e.code === null || !isFindingCode(e.code)).map((e) => e.heading)).toEqual([])
  })

  it('documents each code once', () => {
    const seen = all.map((e) => e.code)
    expect(seen.filter((c, k) => seen.indexOf(c) !== k)).toEqual([])
  })

  it.each(
    all.filter((e) => e.code !== null && isFindingCode(e.code)).map((e) => [e.code as string, e] as const),
  )('%s gives the catalogue severity, a meaning, an example and a fix', (code, entry) => {
    if (!isFindingCode(code)) throw new Error('unreachable')
    const field = (name: string) => new RegExp(`^- \\*\\*${name}:\\*\\* +(\\S.*)$`, 'm').exec(entry.body)?.[1]
    expect(field('Severity')?.startsWith(FINDINGS[code].severity)).toBe(true)
    for (const name of ['Meaning', 'Example', 'Fix'])
      expect(field(name)?.length ?? 0, `${code}: ${name}`).toBeGreaterThan(10)
  })

  it('the parser sees both heading styles and rejects headings that name no code', () => {
    const parsed = entries(
      '# T\n\n### token-expired\n\nx\n\n### `token-opaque`\n\ny\n\n### Some notes\n\nz\n',
    )
    expect(parsed.map((e) => e.code)).toEqual(['token-expired', 'token-opaque', null])
  })
})
