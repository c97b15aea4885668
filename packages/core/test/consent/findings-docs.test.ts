import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { FINDINGS, FINDING_CODES } from '../../src/index.js'

const doc = readFileSync(fileURLToPath(new URL('../../../../docs/findings.md', import.meta.url)), 'utf8')

describe('docs/findings.md for the consent area', () => {
  it.each(FINDING_CODES.filter((c) => FINDINGS[c].area === 'consent'))(
    'documents %s with severity, meaning, example and fix',
    (code) => {
      const start = doc.indexOf(`\n### ${code}\n`)
      expect(start).toBeGreaterThanOrEqual(0)
      const next = doc.indexOf('\n### ', start + 1)
      const entry = doc.slice(start, next < 0 ? undefined : next)
      expect(entry).toContain(`**Severity:** ${FINDINGS[code].severity}`)
      for (const field of ['**Meaning:**', '**Example:**', '**Fix:**']) expect(entry).toContain(field)
    },
  )
})
