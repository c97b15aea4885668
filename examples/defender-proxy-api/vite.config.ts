import { defineProject } from 'vitest/config'

// Resolve @claimcheck/core from its TypeScript source (the "source" export condition) so the example always runs
// against the current core, never a stale build. Tests run in Vite's server (ssr) environment, hence ssr.resolve.
const conditions = ['source', 'module', 'node', 'import', 'default']

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    name: 'example-defender-proxy-api',
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
})
