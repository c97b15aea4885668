import { defineConfig } from 'vitest/config'

// One vitest run covers every package; each package keeps its own project config.
export default defineConfig({
  test: {
    projects: ['packages/*'],
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
})
