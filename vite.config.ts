import { defineConfig } from 'vitest/config'

// One vitest run covers every package and example; each keeps its own project config.
export default defineConfig({
  test: {
    projects: ['packages/*', 'examples/*'],
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
})
