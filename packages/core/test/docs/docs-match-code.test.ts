// Issue 24 point 6: the docs follow the code. Every CLI flag the docs name is a flag of a command, every `--api`
// list names only built-in catalogs (and the inspect table names them all), the operation counts quoted are the
// catalog's, every finding code the docs put in a findings context is in the catalogue, and the links between docs
// pages lead to files that exist.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { BUILTIN_CATALOG_IDS, BUILTIN_CATALOGS, FINDING_CODES } from '../../src/index.js'

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url))
const DOCS = join(ROOT, 'docs')
const pages = [
  ...readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(DOCS, f)),
  join(ROOT, 'README.md'),
]
const text = (path: string): string => readFileSync(path, 'utf8')

/** The flags each command declares to node:util parseArgs (`name: { type: … }`), read from the sources. */
function cliFlags(): Set<string> {
  const dir = join(ROOT, 'packages/core/src/cli/commands')
  const flags = new Set(['help', 'h'])
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    for (const m of text(join(dir, file)).matchAll(/^\s+'?([a-z][a-z-]*)'?: \{ type: '(?:string|boolean)'/gm))
      flags.add(m[1] as string)
  }
  return flags
}

describe('docs name what the code has', () => {
  it('every claimcheck flag the docs name is a flag of a command', () => {
    const flags = cliFlags()
    const unknown: string[] = []
    for (const page of pages) {
      for (const line of text(page).split('\n')) {
        // cli.md documents the CLI throughout; elsewhere only lines about claimcheck name its flags.
        if (!page.endsWith('cli.md') && !line.includes('claimcheck')) continue
        // pnpm's own --silent (in `pnpm --silent claimcheck …`) is not ours.
        for (const m of line
          .replaceAll('pnpm --silent', 'pnpm')
          .replaceAll('`--silent`', '')
          .matchAll(/(?<![\w-])--([a-z][a-z-]*)/g))
          if (!flags.has(m[1] as string)) unknown.push(`${page.slice(ROOT.length)}: --${m[1]}`)
      }
    }
    expect(unknown).toEqual([])
  })

  it('every --api list names built-in catalogs only, and the inspect flags table names all of them', () => {
    const ids = new Set<string>(BUILTIN_CATALOG_IDS)
    for (const page of pages) {
      for (const m of text(page).matchAll(/--api <?([a-z0-9]+(?:\\?\|[a-z0-9]+)+)/g)) {
        const listed = (m[1] as string).split(/\\?\|/)
        expect(
          listed.filter((id) => !ids.has(id)),
          `${page}: ${m[0]}`,
        ).toEqual([])
      }
    }
    const row = text(join(DOCS, 'cli.md'))
      .split('\n')
      .find((l) => l.startsWith('| `--api <'))
    expect(row).toBeDefined()
    for (const id of BUILTIN_CATALOG_IDS) expect(row).toContain(id)
  })

  it('operation counts quoted for Defender for Endpoint are the catalog’s', () => {
    const total = BUILTIN_CATALOGS.mde.operations.length
    for (const page of pages) {
      for (const m of text(page).matchAll(/of (\d+)\s+(?:Microsoft )?Defender for Endpoint\s+operations/g))
        expect(Number(m[1]), `${page}: ${m[0]}`).toBe(total)
      for (const m of text(page).matchAll(/Defender for Endpoint \(mde\): (\d+) operations/g))
        expect(Number(m[1]), `${page}: ${m[0]}`).toBe(total)
    }
  })

  it('every code the docs call a finding is in the catalogue', () => {
    const codes = new Set<string>(FINDING_CODES)
    const unknown: string[] = []
    for (const page of pages) {
      for (const line of text(page).split('\n')) {
        if (!/\bfinding\b/i.test(line)) continue
        // `code` right after "finding" (finding `x`, findings `x`, `y`) or before it (`x` finding).
        for (const m of line.matchAll(
          /\bfindings? `([a-z]+(?:-[a-z0-9]+)+)`|`([a-z]+(?:-[a-z0-9]+)+)` (?:finding|warning|error)\b/g,
        )) {
          const code = (m[1] ?? m[2]) as string
          if (!codes.has(code)) unknown.push(`${page.slice(ROOT.length)}: ${code}`)
        }
      }
    }
    expect(unknown).toEqual([])
  })

  it('links between docs lead to files that exist (no architecture.md or security.md outside the repository)', () => {
    const broken: string[] = []
    for (const page of pages) {
      for (const m of text(page).matchAll(/\]\(([^)#\s]+\.md)(?:#[^)]*)?\)/g)) {
        const target = m[1] as string
        if (/^https?:/.test(target)) continue
        if (!existsSync(resolve(dirname(page), target))) broken.push(`${page.slice(ROOT.length)} → ${target}`)
      }
      for (const m of text(page).matchAll(/\b(architecture|security)\.md\b/g))
        broken.push(`${page.slice(ROOT.length)} names ${m[0]}`)
    }
    expect(broken).toEqual([])
  })
})
