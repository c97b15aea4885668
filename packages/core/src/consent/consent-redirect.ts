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

/** What a redirect's query (or fragment) carries: each parameter's first value, as URLSearchParams.get reads it. */
interface QueryParams {
  get(name: string): string | null
  has(name: string): boolean
}

/**
 * Percent-decoding as the URL standard does it (invalid sequences kept, invalid UTF-8 replaced by U+FFFD), in
 * linear time: Node's URLSearchParams grows faster than linearly on long non-ASCII values.
 */
function percentDecode(text: string): string {
  if (!text.includes('%')) return text
  try {
    return decodeURIComponent(text)
  } catch {
    // An invalid escape or invalid UTF-8: decode byte by byte below, as the URL standard does.
  }
  const encoder = new TextEncoder()
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const high = c === 0x25 ? hexValue(text.charCodeAt(i + 1)) : -1
    const low = high >= 0 ? hexValue(text.charCodeAt(i + 2)) : -1
    if (low >= 0) {
      bytes.push(high * 16 + low)
      i += 2
    } else if (c < 0x80) {
      bytes.push(c)
    } else {
      const cp = text.codePointAt(i) ?? 0
      for (const b of encoder.encode(String.fromCodePoint(cp))) bytes.push(b)
      if (cp > 0xffff) i++
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes))
}

/** The value of one hex digit's character code, or -1 (NaN, past the end, included). */
function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30
  const lower = code | 0x20
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1
}

/** application/x-www-form-urlencoded parsing (the URL standard's), first value per name. */
function readQuery(text: string): QueryParams {
  const values = new Map<string, string>()
  for (const pair of text.split('&')) {
    if (pair === '') continue
    const eq = pair.indexOf('=')
    const name = percentDecode((eq < 0 ? pair : pair.slice(0, eq)).replaceAll('+', ' '))
    if (values.has(name)) continue
    values.set(name, eq < 0 ? '' : percentDecode(pair.slice(eq + 1).replaceAll('+', ' ')))
  }
  return { get: (name) => values.get(name) ?? null, has: (name) => values.has(name) }
}

/** Query parameters, falling back to the fragment (response_mode=fragment); a bare query string is accepted too. */
function readParams(text: string): QueryParams | null {
  let query: string
  let fragment = ''
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    // The URL parser checks the address; the query and fragment are read as text: Node's parser grows faster than
    // linearly on a long query (8x the time for 4x the text). Trailing controls and spaces, tabs and line breaks go,
    // as the URL standard drops them.
    const cut = text.search(/[?#]/)
    try {
      new URL(cut < 0 ? text : text.slice(0, cut))
    } catch {
      return null
    }
    const rest =
      cut < 0
        ? ''
        : text
            .slice(cut)
            // eslint-disable-next-line no-control-regex -- the URL standard strips C0 controls and spaces at the end
            .replace(/(?<![\u0000-\u0020])[\u0000-\u0020]+$/, '')
            .replace(/[\t\n\r]/g, '')
    const hash = rest.indexOf('#')
    query = hash < 0 ? rest : rest.slice(0, hash)
    fragment = hash < 0 ? '' : rest.slice(hash)
  } else if (/^[?#]?[\w.-]+=/.test(text)) {
    query = text
  } else {
    return null
  }
  const fromQuery = readQuery(query.replace(/^[?#]/, ''))
  if (
    fromQuery.has('admin_consent') ||
    fromQuery.has('error') ||
    fromQuery.has('code') ||
    fromQuery.has('tenant') ||
    fragment === ''
  )
    return fromQuery
  return readQuery(fragment.replace(/^#/, ''))
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
