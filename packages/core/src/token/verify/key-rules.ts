import type { CloudName } from '../../entra/clouds.js'
import { externalIdIssuer } from '../../entra/external-id.js'
import { expectedIssuer } from '../../entra/issuers.js'
import type { AcceptedKey } from '../../entra/keyset/accept-key.js'
import type { KeyLookup } from '../../entra/keyset/store.js'
import type { Finding } from '../../findings/finding.js'
import { makeFinding } from '../../findings/make-finding.js'

/**
 * A key that carries an `issuer` vouches only for that issuer. Entra attaches issuers to v2 keys
 * (`…/{tenantid}/v2.0`) and signs v1 tokens with the same keys, so a key also vouches for the v2 form of the token's
 * own tenant and cloud (Microsoft.IdentityModel's ValidateSigningKeyIssuer does the same). Another tenant's or
 * cloud's key fails.
 */
export function checkKeyIssuer(key: AcceptedKey, iss: string, tid: string, cloud: CloudName): Finding | null {
  if (key.issuer === null) return null
  const keyIssuer = key.issuer.replaceAll('{tenantid}', tid)
  if (keyIssuer === iss || keyIssuer === expectedIssuer(tid, '2.0', cloud)) return null
  // An External ID tenant's keys vouch for both issuers it writes (ciamlogin.com and login.microsoftonline.com v2).
  if (
    keyIssuer === externalIdIssuer(tid) &&
    (iss === keyIssuer || iss === expectedIssuer(tid, '2.0', 'public'))
  )
    return null
  return makeFinding(
    'signing-key-issuer-mismatch',
    `Key "${key.kid}" belongs to issuer ${keyIssuer}, but the token says ${iss}.`,
    { claim: 'iss', expected: keyIssuer, actual: iss },
  )
}

/** Why no key was found for the kid, in words that point at the likely cause. */
export function keyNotFound(
  lookup: Extract<KeyLookup, { status: 'not-found' }>,
  kid: string,
  cloud: CloudName,
  customKeys: boolean,
): Finding {
  const where = lookup.jwksUri ?? '(given with the jwks option)'
  let message: string
  if (lookup.reason === 'rejected' && lookup.rejected) {
    message = `The key set ${where} has a key with kid "${kid}", but it was refused: ${lookup.rejected.reason}.`
  } else if (lookup.reason === 'tenant-unknown') {
    message = `Entra says the token's tenant does not exist (AADSTS90002), so it has no keys; the token is forged or its tenant was deleted.`
  } else if (lookup.reason === 'new-tenant-budget') {
    message = `The token names a tenant this verifier has not seen, and this minute's budget of new-tenant discoveries (keySets.newTenantsPerMinute, tenants: 'any') is spent; nothing was fetched. A genuine token works again within the minute.`
  } else if (lookup.reason === 'ambiguous') {
    message = `Several keys in the key set ${where} share kid "${kid}"; the verifier never guesses between them.`
  } else {
    const causes = [
      customKeys
        ? null
        : 'the app uses a custom signing key (set the appId option so its ?appid= key set is searched)',
      `the token is from another cloud (this key set is for ${cloud})`,
      'the key rolled (acquire a new token)',
      'the token is forged',
    ].filter((c): c is string => c !== null)
    message = `No key with kid "${kid}" in the key set ${where}. Likely causes: ${causes.join('; ')}.`
  }
  return makeFinding('signing-key-not-found', message, {
    claim: 'kid',
    actual: kid,
    ...(lookup.jwksUri !== null ? { expected: lookup.jwksUri } : {}),
  })
}

const OFFLINE_ADVICE =
  'If this runs in a browser, the request may have been blocked (CORS or no network): use a pasted key set instead (the jwks option).'

/** The key set could not be had: not the token's fault, so a warning and an undetermined verdict. */
export function keysUnavailable(lookup: Extract<KeyLookup, { status: 'unavailable' }>, tid: string): Finding {
  let host = lookup.url
  try {
    host = new URL(lookup.url).host
  } catch {
    // keep the text as it is
  }
  // The advice for a browser (CORS, offline) is the fix's job; the message says what happened.
  return makeFinding(
    'jwks-unavailable',
    `The key set for tenant ${tid} could not be obtained from ${lookup.url}: ${lookup.cause}.`,
    {
      expected: lookup.url,
      actual: lookup.cause,
      ...(lookup.network
        ? {
            fix: `Check network access to ${host}; in a browser, use a pasted key set (the jwks option) instead.`,
          }
        : {}),
    },
  )
}

/** No fetch function: the verifier cannot download keys at all. */
export function noFetch(): Finding {
  return makeFinding(
    'jwks-unavailable',
    `No fetch function is available to download the key set. ${OFFLINE_ADVICE}`,
  )
}
