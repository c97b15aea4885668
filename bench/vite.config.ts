import { defineProject } from 'vitest/config'

// Only the harness arithmetic is tested here: nothing under test/ times anything.
export default defineProject({
  test: {
    name: 'bench',
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
})
