import { defineProject } from 'vitest/config'

// Resolve @claimcheck/core from its TypeScript source (the "source" export condition) so the example always runs
// against the current core, never a stale build. Tests run in Vite's server (ssr) environment, hence ssr.resolve.
// No 'import' or 'module' here: these conditions also reach Node's own resolution of external CommonJS packages,
// where 'import' makes Express's router require() is-promise's ESM build (then "isPromise is not a function").
const conditions = ['source', 'node', 'default']

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    name: 'example-protected-api',
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
})
