import { fileURLToPath } from 'node:url'

/** The repository root, from bench/dist/*.js (or bench/src/*.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const BENCH_ROOT = fileURLToPath(new URL('../', import.meta.url))
export const CLI_MAIN = fileURLToPath(new URL('../../packages/core/dist/cli/main.js', import.meta.url))
export const WEB_DIST = fileURLToPath(new URL('../../packages/web/dist/', import.meta.url))
