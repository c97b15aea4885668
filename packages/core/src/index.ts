export { inspectToken } from './token/inspect.js'
export type { InspectOptions, CheckOptions, RequirementOptions, Clock } from './token/options.js'
export type {
  Report,
  TokenFacts,
  TokenKind,
  KindRule,
  SignatureReport,
  SignatureStatus,
  PermissionReport,
  PermissionContext,
} from './report/report.js'
export type { JsonObject, JsonValue } from './lib/json.js'
export { formatDuration } from './lib/duration.js'
export type { Finding, Severity } from './findings/finding.js'
export { FINDING_CODES, FINDING_RULES, isFindingCode } from './findings/catalogue.js'
export { FINDINGS } from './findings/definitions.js'
export { FINDING_MEANINGS } from './findings/meanings.js'
export { SURFACE_FIXES, fixForSurface } from './findings/surface-fixes.js'
export type { Surface } from './findings/surface-fixes.js'
export type { FindingCode, FindingRule, FindingArea } from './findings/catalogue.js'
export type { FindingDefinition } from './findings/definitions.js'
export { CLOUDS, CLOUD_NAMES, CONSUMER_TENANT_ID, isCloudName, isGuid } from './entra/clouds.js'
export type { Cloud, CloudName } from './entra/clouds.js'
export { API_RESOURCES, KNOWN_API_IDS, apiForAudience, defaultScopeFor, isKnownApiId } from './entra/apis.js'
export type { ApiId, ApiResource, KnownApiId, RefusedAudience, VersionSegment } from './entra/apis.js'
export { expectedIssuer, parseEntraIssuer } from './entra/issuers.js'
export type { TokenVersion, ParsedIssuer } from './entra/issuers.js'
export { CLAIM_REFERENCE } from './claims/reference.js'
export type { ClaimExplanation, ClaimFormat, ClaimLocation } from './claims/reference.js'
export { explainClaim } from './claims/explain-claim.js'
export { buildAdminConsentUrl, CONSENT_FORMS, isConsentForm } from './consent/consent-url.js'
export type { AdminConsentOptions, AdminConsentLink, ConsentForm } from './consent/consent-url.js'
export type { RandomSource } from './consent/random-state.js'
export { parseConsentRedirect } from './consent/consent-redirect.js'
export type {
  ConsentRedirectOptions,
  ConsentRedirectResult,
  ConsentRedirectError,
} from './consent/consent-redirect.js'
export { explainAadsts, explainAadstsCode } from './consent/explain-aadsts.js'
export type { AadstsExplanation } from './consent/explain-aadsts.js'
export { AADSTS_CATALOGUE } from './consent/aadsts-catalogue.js'
export type { AadstsEntry } from './consent/aadsts-catalogue.js'
export { AADSTS_SOURCES } from './consent/aadsts-sources.js'
export type { AadstsSource, AadstsSourceId } from './consent/aadsts-sources.js'
export { lintScope } from './consent/lint-scope.js'
export type { LintScopeOptions, ScopeLintResult, ScopeFlow, ScopeParameter } from './consent/lint-scope.js'
export { buildClientCredentialsRequest, CLIENT_SECRET_PLACEHOLDER } from './consent/token-request.js'
export type {
  ClientCredentialsOptions,
  ClientCredentialsRequest,
  ClientCredentialsResult,
  InvalidClientCredentialsRequest,
  TokenEndpointVersion,
} from './consent/token-request.js'
export { buildCurlSnippet, buildPowerShellSnippet, buildMsalNodeSnippet } from './consent/snippets.js'
export { checkPermissions } from './permissions/check.js'
export { planMigration, DEFAULT_WITHIN_DAYS } from './migrate/plan.js'
export type { MigrationPlan, MigrationStep, MigrationOutcome, MigrationOptions } from './migrate/plan.js'
export { parseCallList, MAX_CALL_LIST_CHARS } from './migrate/parse-calls.js'
export type { CallList, ListedCall, UnreadableCall } from './migrate/parse-calls.js'
export { lifecycleStateAt } from './permissions/lifecycle/state.js'
export { formatLifecycle, formatRateLimit } from './permissions/lifecycle/describe.js'
export type { LifecycleState } from './permissions/lifecycle/state.js'
export { RETIRED_APIS } from './permissions/lifecycle/retired-apis.js'
export type { RetiredApi } from './permissions/lifecycle/retired-apis.js'
export { capabilitiesOf, catalogForToken } from './permissions/capabilities.js'
export type { Capabilities, CapabilityArea, OperationCapability } from './permissions/capabilities.js'
export { parseCatalog, assertCatalog } from './permissions/validate-catalog.js'
export {
  BUILTIN_CATALOGS,
  BUILTIN_CATALOG_IDS,
  builtinCatalog,
  loadBuiltinCatalog,
} from './permissions/builtin.js'
export type { BuiltinCatalogId } from './permissions/builtin.js'
export { MDE_CATALOG } from './permissions/catalogs/mde.js'
export { M365D_CATALOG } from './permissions/catalogs/m365d.js'
// matchOperation, resolveOperation, canonicalName and findPermissions are @deprecated internals, kept for compatibility.
export { parseOperation, matchOperation, resolveOperation, formatOperation } from './permissions/operation.js'
export { canonicalName, findPermissions } from './permissions/names.js'
export { explainApiResponse } from './permissions/api-answer/explain-api-response.js'
export type {
  ApiAnswerForm,
  ApiResponseExplanation,
  ExplainApiResponseOptions,
  PermissionToAdd,
} from './permissions/api-answer/explain-api-response.js'
export type { ParsedOperation, OperationMatch } from './permissions/operation.js'
export type { CatalogParseResult } from './permissions/validate-catalog.js'
export type {
  PermissionCatalog,
  CatalogPermission,
  CatalogOperation,
  PermissionKind,
  HttpMethod,
  PermissionRequirement,
  PermissionCheck,
  PermissionSubject,
  OperationLifecycle,
  LifecycleStatus,
  LifecycleReplacement,
  RateLimit,
} from './permissions/types.js'
export { summarizeVerdict, verdictOf } from './token/verdict.js'
export type { Verdict, VerdictSummary } from './token/verdict.js'
export { createVerifier } from './token/verify/create-verifier.js'
export type { Verifier } from './token/verify/create-verifier.js'
export { diagnoseToken, readKeySetText } from './token/verify/diagnose.js'
export type { DiagnoseOptions, KeySetText } from './token/verify/diagnose.js'
export type { VerifierOptions, JsonWebKeySetInput } from './token/verify/options.js'
export type {
  AgentMode,
  CallerCredential,
  CallerFacets,
  CallerFacts,
  CallerRelation,
} from './token/caller.js'
export type { AgentPolicy, CallerPolicyOptions } from './token/caller-policy.js'
export type { KeySetOptions } from './entra/keyset/options.js'
export type { FetchLike } from './entra/keyset/fetch-json.js'
export { checkTenants } from './tenants/check-tenants.js'
export type { CheckTenantsOptions, TenantCheckRun, StoppedEarly } from './tenants/check-tenants.js'
export type { TenantResult, TenantError, TenantErrorSource, TokenSummary } from './tenants/result.js'
export {
  TENANT_OUTCOMES,
  OUTCOME_ACTION_ORDER,
  OUTCOME_MEANINGS,
  isTenantOutcome,
} from './tenants/outcomes.js'
export type { TenantOutcome } from './tenants/outcomes.js'
export { AADSTS_OUTCOMES } from './tenants/aadsts-outcomes.js'
export type { ClientCredential, AssertionRequest } from './tenants/client-credential.js'
export type { CertificateCredential } from './tenants/certificate-assertion.js'
export type { RetryOptions } from './tenants/retry.js'
export { readTenantList } from './tenants/tenant-list.js'
export type { TenantEntry, TenantListLine } from './tenants/tenant-list.js'
export { createTenantTally, tenantJsonLine, summaryJsonLine } from './tenants/summary.js'
export type { TenantSummary, TenantTally } from './tenants/summary.js'
