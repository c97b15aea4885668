export { entraAuth } from './entra-auth.js'
export type { FastifyAuthHook } from './entra-auth.js'
export { decorateAuth, getAuth, protectedResourceHandler } from './entra-auth.js'
export { requireClaims, requireRoles, requireScopes } from '../../http/route-checks.js'
export type { RequireListOptions, RouteCheck } from '../../http/route-checks.js'
export type { OnRefused, RefusalEvent, RefusalReplacement } from '../../http/protect.js'
export type {
  ProtectedResourceMetadataOptions,
  ProtectedResourceOptions,
} from '../../http/protected-resource.js'
export type { EntraAuthOptions, EntraAuthRouteOptions } from '../options.js'
export type { HttpRequirement, ProtectedCatalog, ProtectedOperation } from '../../http/requirement.js'
export type { RefusalBody, RefusalError } from '../../http/answer.js'
