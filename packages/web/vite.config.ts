import { defineConfig } from 'vitest/config'

// The app resolves @claimcheck/core from its TypeScript source (the "source" export condition),
// so the page and its tests never depend on a stale build of core.
export default defineConfig({
  resolve: { conditions: ['source', 'browser', 'module', 'import', 'default'] },
  build: { target: 'es2022', sourcemap: true },
  preview: { host: '127.0.0.1' },
  test: {
    name: 'web',
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
})
