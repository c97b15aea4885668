export { createDefenderProxy } from './handler.js'
export type { Handler } from './handler.js'
export type { TokenVerifier } from './authorize.js'
