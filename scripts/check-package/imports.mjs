/* global process, console, URL */
// Every subpath of the installed package, imported as ESM, exports what its documentation promises.
import { readFileSync } from 'node:fs'

const expected = {
  '@claimcheck/core': ['createVerifier', 'inspectToken', 'summarizeVerdict', 'checkPermissions'],
  '@claimcheck/core/testing': ['createTestTenant', 'fixedClock'],
  '@claimcheck/core/http': ['authorize'],
  '@claimcheck/core/express': ['entraAuth'],
  '@claimcheck/core/fastify': ['entraAuth'],
  '@claimcheck/core/hono': ['entraAuth'],
}
const pkg = JSON.parse(
  readFileSync(new URL('./node_modules/@claimcheck/core/package.json', import.meta.url), 'utf8'),
)
let failed = false
for (const subpath of Object.keys(pkg.exports)) {
  const specifier = subpath === '.' ? '@claimcheck/core' : `@claimcheck/core/${subpath.slice(2)}`
  if (subpath === './package.json') continue
  // ./vitest registers matchers on vitest's expect: it needs vitest itself, an optional peer not installed here.
  if (subpath === './vitest') continue
  try {
    const mod = await import(specifier)
    const lacking = (expected[specifier] ?? []).filter((name) => typeof mod[name] !== 'function')
    if (expected[specifier] === undefined) throw new Error('no expectation written for this subpath')
    if (lacking.length > 0) throw new Error(`missing exports: ${lacking.join(', ')}`)
    console.log(`ok ${specifier}`)
  } catch (err) {
    failed = true
    console.error(`FAIL ${specifier}: ${err instanceof Error ? err.message : String(err)}`)
  }
}
if (failed) process.exit(1)
