import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { REPO_ROOT, WEB_DIST } from './paths.js'

export interface AssetSize {
  file: string
  bytes: number
  gzip: number
}

export interface WebSizeResult {
  built: boolean
  buildNote?: string
  /** The entry module named by index.html. */
  entry: AssetSize | null
  /** What the page loads before any interaction: entry, its modulepreloads and stylesheets. */
  initial: AssetSize[]
  /** Chunks that carry MSAL (by name or by MSAL's own markers). */
  msalChunks: AssetSize[]
  /** True when MSAL turns up in what the page loads before "Sign in". */
  msalInInitial: boolean
}

// Strings minified MSAL keeps: its library name and its public class names.
const MSAL_MARKERS = ['msal.js.browser', 'PublicClientApplication', 'InteractionRequiredAuthError']

function size(file: string): AssetSize {
  const data = readFileSync(join(WEB_DIST, file))
  return { file, bytes: data.length, gzip: gzipSync(data, { level: 9 }).length }
}

function carriesMsal(file: string): boolean {
  if (/msal/i.test(file)) return true
  const text = readFileSync(join(WEB_DIST, file), 'utf8')
  return MSAL_MARKERS.some((m) => text.includes(m))
}

export function buildWeb(timeoutMs: number): string | undefined {
  const r = spawnSync('pnpm', ['--filter', '@claimcheck/web', 'build'], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
    timeout: timeoutMs,
  })
  if (r.error !== undefined) return `build did not run: ${r.error.message}`
  if (r.status !== 0)
    return `build failed (exit ${r.status ?? 'killed'}): ${r.stderr.toString().trim().split('\n').slice(-1)[0] ?? ''}`
  return undefined
}

/** Reads sizes from packages/web/dist as the last build left it. */
export function measureWeb(buildNote?: string): WebSizeResult {
  const empty: WebSizeResult = {
    built: false,
    entry: null,
    initial: [],
    msalChunks: [],
    msalInInitial: false,
    ...(buildNote === undefined ? {} : { buildNote }),
  }
  const indexPath = join(WEB_DIST, 'index.html')
  if (!existsSync(indexPath)) return empty
  const html = readFileSync(indexPath, 'utf8')
  const refs = (pattern: RegExp): string[] =>
    [...html.matchAll(pattern)].map((m) => (m[1] ?? '').replace(/^\.?\//, ''))
  const entryFile = refs(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)[0]
  const preloads = refs(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)
  const styles = refs(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)
  const initialFiles = [...(entryFile === undefined ? [] : [entryFile]), ...preloads, ...styles].filter((f) =>
    existsSync(join(WEB_DIST, f)),
  )
  const assetsDir = join(WEB_DIST, 'assets')
  const scripts = existsSync(assetsDir)
    ? readdirSync(assetsDir)
        .filter((f) => f.endsWith('.js'))
        .map((f) => `assets/${f}`)
    : []
  const msal = scripts.filter(carriesMsal)
  return {
    ...empty,
    built: true,
    entry: entryFile !== undefined && existsSync(join(WEB_DIST, entryFile)) ? size(entryFile) : null,
    initial: initialFiles.map(size),
    msalChunks: msal.filter((f) => !initialFiles.includes(f)).map(size),
    msalInInitial: initialFiles.some((f) => f.endsWith('.js') && carriesMsal(f)),
  }
}
