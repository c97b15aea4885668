/* global process, console, URL */
// Every subpath of the installed package, imported as ESM, exports what its documentation promises.
import { readFileSync } from 'node:fs'

const expected = {
  '@claimcheck/core': ['createVerifier', 'inspectToken', 'summarizeVerdict', 'checkPermissions'],
  '@claimcheck/core/testing': ['createTestTenant', 'fixedClock'],
  '@claimcheck/core/http': [
    'authorize',
    'protectedResourceMetadata',
    'requireScopes',
    'requireRoles',
    'requireClaims',
  ],
  '@claimcheck/core/express': ['entraAuth', 'getAuth', 'protectedResourceHandler'],
  '@claimcheck/core/fastify': ['entraAuth', 'getAuth', 'decorateAuth', 'protectedResourceHandler'],
  '@claimcheck/core/hono': ['entraAuth', 'getAuth', 'protectedResourceHandler'],
  // Type-only: the opt-in `auth` augmentations; importing them must still work (and do nothing).
  '@claimcheck/core/express/augment': [],
  '@claimcheck/core/fastify/augment': [],
}
const pkg = JSON.parse(
  readFileSync(new URL('./node_modules/@claimcheck/core/package.json', import.meta.url), 'utf8'),
)
let failed = false
for (const subpath of Object.keys(pkg.exports)) {
  const specifier = subpath === '.' ? '@claimcheck/core' : `@claimcheck/core/${subpath.slice(2)}`
  if (subpath === './package.json') continue
  // ./vitest registers matchers on vitest's expect, which only works inside a vitest run (matchers.ts type-checks it).
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
