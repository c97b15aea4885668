import { defineProject } from 'vitest/config'

// Core's own tests run its source: `source` first, so the package's `imports` map (#rs256) picks the TypeScript
// backends, and `node` before `default`, so Node runs the node:crypto backend as a Node user would. No 'import' or
// 'module': these conditions also reach Node's own resolution of external CommonJS packages, where 'import' makes
// Express 5's router require() is-promise's ESM build ("isPromise is not a function" on a real server).
const conditions = ['source', 'node', 'default']

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: {
    name: 'core',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Several suites sign and verify thousands of tokens; on a busy 2-core machine 5 s is not enough headroom.
    testTimeout: 30_000,
  },
})
