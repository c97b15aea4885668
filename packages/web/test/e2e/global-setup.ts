import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, preview } from 'vite'
import type { TestProject } from 'vitest/node'

// Builds the app exactly as `pnpm start` does and serves it on 127.0.0.1 with the same headers, for the browser
// tests. Output goes to test-results/ (gitignored) so it never clobbers a developer's dist/.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const configFile = join(root, 'vite.config.ts')
  const outDir = join(root, 'test-results', 'e2e-dist')
  await build({ root, configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } })
  const server = await preview({
    root,
    configFile,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  })
  const url = server.resolvedUrls?.local[0]
  if (url === undefined) throw new Error('The preview server did not report its URL')
  project.provide('appUrl', url)
  project.provide('distDir', outDir)
  return async () => {
    await server.close()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string
    distDir: string
  }
}
