import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = fileURLToPath(new URL('../../src/', import.meta.url))
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>
  peerDependencies: Record<string, string>
  peerDependenciesMeta: Record<string, { optional?: boolean }>
}

function files(dir: string): string[] {
  return readdirSync(join(SRC, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )
}

/** Module specifiers imported for their values (type-only imports are erased from the JavaScript). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8')
  return [...text.matchAll(/^import\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1] as string)
}

const FRAMEWORKS = /^(express|fastify|hono|@hono\/)/

describe('frameworks stay optional', () => {
  it('core keeps one runtime dependency; the frameworks are optional peers', () => {
    expect(Object.keys(pkg.dependencies)).toEqual(['jose'])
    for (const name of ['express', 'fastify', 'hono']) {
      expect(pkg.peerDependencies[name], name).toBeDefined()
      expect(pkg.peerDependenciesMeta[name]?.optional, name).toBe(true)
    }
  })

  it('no framework is imported at run time outside its own adapter (hono/route by the Hono adapter only)', () => {
    const offenders: string[] = []
    for (const file of files('.')) {
      for (const spec of runtimeImports(file).filter((s) => FRAMEWORKS.test(s))) {
        if (!(file.startsWith('adapters/hono/') && spec === 'hono/route')) offenders.push(`${file}: ${spec}`)
      }
    }
    expect(offenders).toEqual([])
    // The scan sees value imports (so the check above can fail): the Hono adapter's one is there.
    expect(runtimeImports('adapters/hono/entra-auth.ts')).toContain('hono/route')
    expect(runtimeImports('adapters/fastify/entra-auth.ts').filter((s) => FRAMEWORKS.test(s))).toEqual([])
  })
})
