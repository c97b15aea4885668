import { defineConfig, type Plugin } from 'vitest/config'
import { fileURLToPath } from 'node:url'
import { CSP_META, securityHeadersFor } from './src/security/csp.js'

// The built page carries its CSP as a <meta> tag (for any static host); the dev server gets none, because Vite's
// dev client injects inline scripts.
function cspMeta(): Plugin {
  return {
    name: 'claimcheck-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META },
          injectTo: 'head-prepend',
        },
      ],
    },
  }
}

// `pnpm start` serves the built page with the security headers; the sign-in redirect bridge gets them without
// Cross-Origin-Opener-Policy (see securityHeadersFor).
function securityHeaders(): Plugin {
  return {
    name: 'claimcheck-security-headers',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const pathname = new URL(req.url ?? '/', 'http://localhost').pathname
        for (const [name, value] of Object.entries(securityHeadersFor(pathname))) res.setHeader(name, value)
        next()
      })
    },
  }
}

// The app resolves @claimcheck/core from its TypeScript source (the "source" export condition),
// so the page and its tests never depend on a stale build of core. "claimcheck-lazy-catalogs" makes core's built-in
// permission catalogs dynamic imports (one chunk each, off the paste path): the page loads the one a token needs
// with loadBuiltinCatalog before it judges (src/controllers/catalog-loader.ts).
export default defineConfig({
  plugins: [cspMeta(), securityHeaders()],
  resolve: { conditions: ['claimcheck-lazy-catalogs', 'source', 'browser', 'module', 'import', 'default'] },
  // Node-side tests (and the build's config) resolve core the same way: from source, never a stale dist/.
  ssr: {
    resolve: {
      conditions: ['source', 'module', 'node', 'import', 'default'],
      externalConditions: ['source'],
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // A module-preload polyfill would be an extra inline-free but useless script for the browsers we support.
    modulePreload: { polyfill: false },
    // Two pages: the app, and the redirect bridge Entra sends the sign-in window back to (MSAL v5).
    rollupOptions: {
      // Core modules the entry shares with lazy chunks (findings, clouds, the API list, the catalog registry) in one
      // chunk with the entry's name, rather than a row of tiny preloaded files (each its own gzip dictionary).
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'main',
              test: /packages[\\/]core[\\/]src[\\/](permissions[\\/](builtin|freeze)|findings[\\/](make-finding|catalogue)|entra[\\/](clouds|apis)|lib[\\/]records)/,
            },
          ],
        },
      },
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        redirect: fileURLToPath(new URL('redirect.html', import.meta.url)),
      },
    },
  },
  preview: { host: '127.0.0.1' },
  test: {
    name: 'web',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Builds and serves the app once for the browser tests (test/e2e); component tests pick happy-dom per file.
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
