import { defineProject } from 'vitest/config'

// Core's own tests run its source: `source` first, so the package's `imports` map (#rs256) picks the TypeScript
// backends, and `node` before `default`, so Node runs the node:crypto backend as a Node user would.
const conditions = ['source', 'node', 'import', 'module', 'default']

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: {
    name: 'core',
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
})
