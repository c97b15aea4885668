import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src')

/** The Node build of `#rs256` (package.json "imports"): what `/express` loads on a server. */
const PACKAGE_IMPORTS: Record<string, string> = { '#rs256': 'token/verify/rs256/node.ts' }

/**
 * The package's own modules that loading `entry` evaluates, as the compiled JavaScript would: `import type` and
 * `export type` are erased (verbatimModuleSyntax), every other import or re-export of a relative path is followed.
 */
function modulesLoadedBy(entry: string): Set<string> {
  const seen = new Set<string>()
  const pending = [resolve(SRC, entry)]
  while (pending.length > 0) {
    const file = pending.pop() as string
    if (seen.has(file)) continue
    seen.add(file)
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022)
    for (const statement of source.statements) {
      let specifier: ts.Expression | undefined
      if (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly !== true)
        specifier = statement.moduleSpecifier
      else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly)
        specifier = statement.moduleSpecifier
      if (specifier === undefined || !ts.isStringLiteral(specifier)) continue
      const name = specifier.text
      const mapped = PACKAGE_IMPORTS[name]
      if (mapped !== undefined) pending.push(resolve(SRC, mapped))
      else if (name.startsWith('.')) pending.push(resolve(dirname(file), name.replace(/\.js$/, '.ts')))
    }
  }
  return seen
}

describe('what @claimcheck/core/express loads', () => {
  it('stays within its budget of modules and never the package root', () => {
    const loaded = modulesLoadedBy('adapters/express/index.ts')
    // Before the layering of issue 19 /express went through the package's index.ts: 106 modules (14,985 lines,
    // AADSTS tables included). After the layering: 71 modules (10,183 lines); after the round's merge (adapter options,
    // RFC 9728, route checks, caller policies, dated lifecycles): 90. The budget leaves room for small new modules only.
    expect(loaded.has(resolve(SRC, 'index.ts'))).toBe(false)
    expect(loaded.has(resolve(SRC, 'consent/aadsts-catalogue.ts'))).toBe(false)
    expect(loaded.size).toBeLessThanOrEqual(92)
  })
})
