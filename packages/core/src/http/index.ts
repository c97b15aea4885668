export { authorize, createAuthorizer } from './authorize.js'
export type { AuthorizeResult, Authorizer, OptionalAuthorizeResult } from './authorize.js'
export type { AuthorizeOptions } from './settings.js'
export { FROM_REQUEST } from './requirement.js'
export type { HttpRequirement, ProtectedCatalog, ProtectedOperation } from './requirement.js'
export type { ReportVerifier } from './guard.js'
export type { RefusalBody, RefusalError } from './answer.js'
export { protectedResourceMetadata, resourceMetadataUrl } from './protected-resource.js'
export type {
  ProtectedResourceMetadata,
  ProtectedResourceMetadataOptions,
  ProtectedResourceOptions,
} from './protected-resource.js'
export { requireClaims, requireRoles, requireScopes } from './route-checks.js'
export type { RequireListOptions, RouteCheck } from './route-checks.js'
export type { OnRefused, ProtectOptions, RefusalEvent, RefusalReplacement } from './protect.js'
