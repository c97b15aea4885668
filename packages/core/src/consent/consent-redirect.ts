import { isGuid } from '../entra/clouds.js'
import type { Finding } from '../findings/finding.js'
import { hasErrors, makeFinding } from '../findings/make-finding.js'
import { explainAadsts } from './explain-aadsts.js'
import { OAUTH_ERRORS } from './oauth-errors.js'
import { boundedText } from '../lib/bounded-text.js'

export interface ConsentRedirectOptions {
  /** The state the consent link was built with; a different or missing state is a `consent-state-mismatch`. */
  expectedState?: string
}

export interface ConsentRedirectError {
  /** The AADSTS code (`AADSTS65004`) when Entra sent one, otherwise the OAuth error (`access_denied`). */
  code: string
  meaning: string
  fix: string
  cause: string | null
  /** The OAuth `error` parameter as sent. */
  error: string | null
  /** The first line of `error_description` as sent. */
  description: string | null
}

export interface ConsentRedirectResult {
  /** Consent was granted (or a code returned), no error, and the state matched when one was expected. */
  ok: boolean
  /** `admin_consent=True` with no error. Entra also sends admin_consent=True on some errors: this stays false then. */
  adminConsent: boolean
  /** The tenant the redirect names. Never trust it for authorization: verify a token from that tenant first. */
  tenant: string | null
  state: string | null
  /** The v2 endpoint's granted `scope`, as sent. */
  scope: string | null
  /** The redirect carries an authorization code (the Defender partner docs' authorize link). */
  codeReturned: boolean
  error: ConsentRedirectError | null
  findings: Finding[]
}

/**
 * Reads what the admin-consent endpoint sent back: `?admin_consent=True&tenant=…&state=…`, or `error` and
 * `error_description` (explained through the AADSTS catalogue), in the query or the fragment. It does not and cannot
 * prove the redirect came from Entra: anyone can type such a URL, hence `consent-tenant-untrusted`.
 */
export function parseConsentRedirect(
  url: string,
  options: ConsentRedirectOptions = {},
): ConsentRedirectResult {
  if (typeof url !== 'string')
    throw new TypeError('parseConsentRedirect expects the redirect URL as a string')
  const findings: Finding[] = []
  const params = readParams(url.trim())
  if (params === null) {
    findings.push(
      makeFinding('consent-redirect-invalid', 'The input is not an absolute URL or query string.', {
        actual: truncate(url),
      }),
    )
    return empty(findings)
  }

  const get = (name: string): string | null => params.get(name)
  const tenant = get('tenant')
  const state = get('state')
  const scope = get('scope')
  const errorParam = get('error')
  const description = get('error_description')
  const codeReturned = get('code') !== null && errorParam === null
  const adminConsentParam = get('admin_consent')
  const adminConsent =
    adminConsentParam !== null &&
    adminConsentParam.toLowerCase() === 'true' &&
    errorParam === null &&
    description === null

  let error: ConsentRedirectError | null = null
  if (errorParam !== null || description !== null) {
    error = explainError(errorParam, description, get('error_subcode'))
    const said = error.description?.replace(/\.$/, '') ?? null
    const detail =
      said !== null && said.toUpperCase().startsWith(error.code.toUpperCase())
        ? said
        : `${error.code}${said !== null ? ` (${said})` : ''}`
    findings.push(
      makeFinding('consent-error', `The consent failed: ${detail}.`, {
        actual: errorParam ?? error.code,
        fix: error.fix,
      }),
    )
  } else if (adminConsentParam === null && !codeReturned) {
    findings.push(
      makeFinding(
        'consent-redirect-invalid',
        'The URL carries neither admin_consent, error nor code: it is not a consent redirect.',
        { actual: truncate(url) },
      ),
    )
  } else if (adminConsentParam !== null && !adminConsent) {
    findings.push(
      makeFinding('consent-redirect-invalid', `admin_consent is "${adminConsentParam}", not True.`, {
        actual: adminConsentParam,
      }),
    )
  }

  if (codeReturned) {
    findings.push(
      makeFinding(
        'consent-code-returned',
        'The redirect carries an authorization code: consent was given, but not necessarily for the whole organization. Do not share the code.',
      ),
    )
  }

  if (options.expectedState !== undefined && state !== options.expectedState) {
    findings.push(
      makeFinding(
        'consent-state-mismatch',
        state === null
          ? 'The redirect carries no state, but the consent link had one.'
          : "The redirect's state is not the one the consent link was built with.",
        { expected: options.expectedState, actual: state },
      ),
    )
  }

  if (tenant !== null) {
    findings.push(
      makeFinding(
        'consent-tenant-untrusted',
        isGuid(tenant)
          ? `The redirect names tenant ${tenant}. Keep it, but verify a token from that tenant before you treat it as your customer.`
          : `The redirect names tenant "${tenant}", which is not even a tenant GUID (Entra always sends one): treat the response as forged.`,
        { actual: tenant },
      ),
    )
  }

  return {
    ok: (adminConsent || codeReturned) && !hasErrors(findings),
    adminConsent,
    tenant,
    state,
    scope,
    codeReturned,
    error,
    findings,
  }
}

/** Query parameters, falling back to the fragment (response_mode=fragment); a bare query string is accepted too. */
function readParams(text: string): URLSearchParams | null {
  let query: string
  let fragment = ''
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    try {
      const url = new URL(text)
      query = url.search
      fragment = url.hash
    } catch {
      return null
    }
  } else if (/^[?#]?[\w.-]+=/.test(text)) {
    query = text
  } else {
    return null
  }
  const fromQuery = new URLSearchParams(query.replace(/^[?#]/, ''))
  if (
    fromQuery.has('admin_consent') ||
    fromQuery.has('error') ||
    fromQuery.has('code') ||
    fromQuery.has('tenant') ||
    fragment === ''
  )
    return fromQuery
  return new URLSearchParams(fragment.replace(/^#/, ''))
}

function explainError(
  errorParam: string | null,
  description: string | null,
  subcode: string | null,
): ConsentRedirectError {
  const aadsts = description !== null ? explainAadsts(description) : null
  if (aadsts !== null) {
    return {
      code: aadsts.code,
      meaning: aadsts.meaning,
      fix: aadsts.fix,
      cause: aadsts.cause,
      error: errorParam,
      description: aadsts.description,
    }
  }
  const key = errorParam ?? ''
  const text = Object.hasOwn(OAUTH_ERRORS, key) ? OAUTH_ERRORS[key] : undefined
  const cancelled = subcode === 'cancel' ? ' (the user cancelled)' : ''
  return {
    code: errorParam ?? 'unknown_error',
    meaning: text
      ? `${text.meaning}${cancelled}`
      : `Entra reported "${errorParam ?? 'an error'}"${cancelled}, which ClaimCheck does not know.`,
    fix: text?.fix ?? 'Read the error_description, then build and send a new consent link.',
    cause: null,
    error: errorParam,
    description: description !== null ? (description.split(/\r?\n/)[0] ?? '').trim() : null,
  }
}

function empty(findings: Finding[]): ConsentRedirectResult {
  return {
    ok: false,
    adminConsent: false,
    tenant: null,
    state: null,
    scope: null,
    codeReturned: false,
    error: null,
    findings,
  }
}

function truncate(text: string): string {
  return boundedText(text, 200)
}
