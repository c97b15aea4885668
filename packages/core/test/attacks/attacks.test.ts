/**
 * The attack catalogue of reference/security.md (A–G) as crafted tokens, each of which must be rejected with its
 * expected finding code, and positive controls that must all be accepted.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createVerifier, type Report, type Verifier } from '../../src/index.js'
import {
  CLIENT_APP,
  MDE,
  NOW,
  NOW_S,
  OTHER_TENANT,
  TENANT,
  TENANT_B,
  b64url,
  entraClaims,
  entraHeader,
  hmacCompact,
  inMemoryEntra,
  json,
  makeKey,
  signBytes,
  signCompact,
  type InMemoryEntra,
  type TestKey,
} from '../verify/fixtures/entra.js'

type VerifierName = 'discovery' | 'static' | 'clientApps' | 'any'
interface Attack {
  section: 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G'
  name: string
  token: string
  /** Any one of these codes must be among the findings. */
  expect: string | string[]
  verifier?: VerifierName
}

const V2_KEY_ISSUER = '{authority}/{tenantid}/v2.0'
let k1: TestKey, k2: TestKey, kOther: TestKey, attacker: TestKey, weak: TestKey, appKey: TestKey
let entra: InMemoryEntra
let verifiers: Record<VerifierName, Verifier>
const attacks: Attack[] = []
const controls: { name: string; token: string; verifier?: VerifierName }[] = []
let attacksAccepted = 0
let controlsAccepted = 0

/** The same token with its signature segment replaced. */
const withSig = (token: string, sig: string): string => `${token.split('.').slice(0, 2).join('.')}.${sig}`
const parts = (token: string): [string, string, string] => token.split('.') as [string, string, string]
/** Re-encodes a segment with its last character changed so that its unused low bits are non-zero. */
function nonCanonical(segment: string): string | null {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const spare = [0, 0, 4, 2][segment.length % 4] as number
  if (spare === 0) return null
  const last = alphabet.indexOf(segment.at(-1) as string)
  return segment.slice(0, -1) + alphabet[last | 1]
}

function build(): void {
  const h = (extra: Record<string, unknown> = {}, key: { kid: string } = k1) => entraHeader(key, extra)
  const good = (
    claims: Record<string, unknown> | string = entraClaims(),
    header: Record<string, unknown> = h(),
  ) => signCompact(header, claims, k1.privateKey)
  const add = (
    section: Attack['section'],
    name: string,
    token: string,
    expectCode: string | string[],
    verifier?: VerifierName,
  ) => attacks.push({ section, name, token, expect: expectCode, ...(verifier ? { verifier } : {}) })
  const valid = good()
  const [vh, vp, vs] = parts(valid)

  // A. No key: unsigned, stripped, truncated, flipped, spliced, edited, algorithm confusion.
  for (const alg of ['none', 'None', 'NONE', 'nOnE', undefined, null, '', ['RS256']]) {
    const header = { typ: 'JWT', kid: 'k1', ...(alg === undefined ? {} : { alg }) }
    add('A', `alg ${JSON.stringify(alg)}, no signature`, `${b64url(json(header))}.${vp}.`, 'token-unsigned')
    add(
      'A',
      `alg ${JSON.stringify(alg)}, original signature`,
      `${b64url(json(header))}.${vp}.${vs}`,
      'token-unsigned',
    )
  }
  add('A', 'signature stripped (h.p.)', `${vh}.${vp}.`, 'token-unsigned')
  add('A', 'signature stripped (h.p)', `${vh}.${vp}`, 'token-malformed')
  add('A', 'signature stripped (h.p..)', `${vh}.${vp}..`, 'token-malformed')
  for (const cut of [1, 2, 3, 4, 8, 10, 100, 200, 341]) {
    add('A', `signature truncated by ${cut}`, withSig(valid, vs.slice(0, vs.length - cut)), [
      'token-malformed',
      'signature-invalid',
    ])
  }
  const sigBytes = Buffer.from(vs, 'base64url')
  for (let bit = 0; bit < sigBytes.length * 8; bit += 53) {
    const flipped = Buffer.from(sigBytes)
    flipped[bit >> 3] = (flipped[bit >> 3] as number) ^ (1 << (bit & 7))
    add(
      'A',
      `signature bit ${bit} flipped`,
      withSig(valid, flipped.toString('base64url')),
      'signature-invalid',
    )
  }
  const other = good(entraClaims({}, { oid: randomUUID() }))
  add(
    'A',
    'signature spliced from another token of the same key',
    withSig(valid, parts(other)[2]),
    'signature-invalid',
  )
  add(
    'A',
    'signature spliced from the rotated key',
    withSig(valid, parts(signCompact(h({}, k2), entraClaims(), k2.privateKey))[2]),
    'signature-invalid',
  )
  add(
    'A',
    'signature of another key under kid k1',
    signCompact(h(), entraClaims(), attacker.privateKey),
    'signature-invalid',
  )
  add('A', 'signature zeroed', withSig(valid, Buffer.alloc(256).toString('base64url')), 'signature-invalid')
  const edits: Record<string, unknown>[] = [
    { aud: 'https://api.security.microsoft.com' },
    { roles: ['Machine.Isolate', 'Machine.ReadWrite.All'] },
    { exp: NOW_S + 86_400 },
    { tid: TENANT_B, iss: `https://login.microsoftonline.com/${TENANT_B}/v2.0` },
    { oid: randomUUID() },
    { azp: randomUUID() },
    { scp: 'Machine.Read' },
    { idtyp: 'user' },
    { nbf: NOW_S - 60 },
    { iat: NOW_S - 60 },
    { extra: 'x' },
  ]
  for (const edit of edits) {
    add(
      'A',
      `payload edited (${Object.keys(edit).join(',')}), signature kept`,
      `${vh}.${b64url(json(entraClaims({}, edit)))}.${vs}`,
      'signature-invalid',
    )
  }
  add(
    'A',
    'header edited (typ), signature kept',
    `${b64url(json(h({ typ: 'at+jwt' })))}.${vp}.${vs}`,
    'signature-invalid',
  )
  // RS256 → HS*: the public key, in every encoding an HMAC library might be handed.
  const pub = k1.publicKey
  const encodings: Record<string, Uint8Array | string> = {
    'SPKI PEM': pub.export({ type: 'spki', format: 'pem' }) as string,
    'SPKI PEM without trailing newline': (pub.export({ type: 'spki', format: 'pem' }) as string).trimEnd(),
    'PKCS#1 PEM': pub.export({ type: 'pkcs1', format: 'pem' }) as string,
    'SPKI DER': pub.export({ type: 'spki', format: 'der' }),
    'PKCS#1 DER': pub.export({ type: 'pkcs1', format: 'der' }),
    'modulus bytes': Buffer.from(k1.jwk.n as string, 'base64url'),
    'JWK JSON': JSON.stringify(k1.jwk),
    'n as text': k1.jwk.n as string,
  }
  for (const [encoding, secret] of Object.entries(encodings)) {
    for (const [alg, hash] of [
      ['HS256', 'sha256'],
      ['HS384', 'sha384'],
      ['HS512', 'sha512'],
    ] as const) {
      add(
        'A',
        `${alg} keyed with the public key (${encoding})`,
        hmacCompact(h({ alg }), entraClaims(), secret, hash),
        'algorithm-not-allowed',
      )
    }
  }
  for (const alg of ['PS256', 'RS384', 'RS512'] as const)
    add(
      'A',
      `alg ${alg} signed by the trusted key`,
      signCompact(h({ alg }), entraClaims(), k1.privateKey, alg),
      'algorithm-not-allowed',
    )
  add(
    'A',
    'alg "rs256" (case) with a valid RS256 signature',
    signCompact(h({ alg: 'rs256' }), entraClaims(), k1.privateKey),
    'algorithm-not-allowed',
  )
  add(
    'A',
    'alg "RS256 " (space)',
    signCompact(h({ alg: 'RS256 ' }), entraClaims(), k1.privateKey),
    'algorithm-not-allowed',
  )
  add(
    'A',
    'ES256 psychic signature (zero r, s)',
    `${b64url(json(h({ alg: 'ES256' })))}.${vp}.${Buffer.alloc(64).toString('base64url')}`,
    'algorithm-not-allowed',
  )
  add('A', 'EdDSA header', `${b64url(json(h({ alg: 'EdDSA' })))}.${vp}.${vs}`, 'algorithm-not-allowed')
  for (const secret of [
    '',
    'secret',
    'password',
    '123456',
    'your-256-bit-secret',
    'changeme',
    'key',
    TENANT,
    CLIENT_APP,
  ]) {
    add(
      'A',
      `HS256 with the common secret "${secret}"`,
      hmacCompact(h({ alg: 'HS256' }), entraClaims(), secret),
      'algorithm-not-allowed',
    )
  }

  // B. The token chooses its key.
  const attackerJwk = attacker.jwk
  add(
    'B',
    'embedded jwk, attacker kid',
    signCompact({ ...h({}, attacker), jwk: attackerJwk }, entraClaims(), attacker.privateKey),
    'signing-key-not-found',
  )
  add(
    'B',
    'embedded jwk, trusted kid',
    signCompact({ ...h(), jwk: attackerJwk }, entraClaims(), attacker.privateKey),
    'signature-invalid',
  )
  add(
    'B',
    'embedded jwk without kid',
    signCompact({ typ: 'JWT', alg: 'RS256', jwk: attackerJwk }, entraClaims(), attacker.privateKey),
    'signing-key-not-found',
  )
  add(
    'B',
    'embedded jwk equal to the trusted key, attacker signature',
    signCompact({ ...h(), jwk: k1.jwk }, entraClaims(), attacker.privateKey),
    'signature-invalid',
  )
  for (const member of ['jku', 'x5u']) {
    for (const url of [
      'https://attacker.example/keys',
      'http://169.254.169.254/metadata/identity',
      'https://login.microsoftonline.com.attacker.example/keys',
      'file:///etc/passwd',
    ]) {
      add(
        'B',
        `${member} ${url}, attacker kid`,
        signCompact({ ...h({}, attacker), [member]: url }, entraClaims(), attacker.privateKey),
        'signing-key-not-found',
      )
      add(
        'B',
        `${member} ${url}, trusted kid`,
        signCompact({ ...h(), [member]: url }, entraClaims(), attacker.privateKey),
        'signature-invalid',
      )
    }
  }
  const fakeCert = b64url(Buffer.from(attacker.publicKey.export({ type: 'spki', format: 'der' })))
  add(
    'B',
    'self-signed x5c, attacker kid',
    signCompact({ ...h({}, attacker), x5c: [fakeCert] }, entraClaims(), attacker.privateKey),
    'signing-key-not-found',
  )
  add(
    'B',
    'self-signed x5c, trusted kid',
    signCompact({ ...h(), x5c: [fakeCert] }, entraClaims(), attacker.privateKey),
    'signature-invalid',
  )
  add(
    'B',
    'x5t of the trusted key, no kid',
    signCompact({ typ: 'JWT', alg: 'RS256', x5t: 'k1' }, entraClaims(), attacker.privateKey),
    'signing-key-not-found',
  )
  for (const kid of [
    '../../dev/null',
    '/dev/null',
    '|sleep 10',
    '; sleep 10',
    "' OR 1=1 --",
    '" OR ""="',
    '$(id)',
    '`id`',
    '%00',
    'k1\u0000',
    ' k1',
    'k1 ',
    'K1',
    'k1/../k1',
    '\u006b\u0031\u200b',
    'a'.repeat(10_240),
    '',
  ]) {
    add(
      'B',
      `kid injection ${JSON.stringify(kid.slice(0, 20))}`,
      signCompact(h({ kid }), entraClaims(), attacker.privateKey),
      'signing-key-not-found',
    )
  }
  for (const kid of [123, null, true, {}, ['k1'], { toString: 'k1' }]) {
    add(
      'B',
      `non-string kid ${JSON.stringify(kid)}`,
      signCompact({ typ: 'JWT', alg: 'RS256', kid }, entraClaims(), k1.privateKey),
      'signing-key-not-found',
    )
  }

  // C. Structure.
  for (const [name, extra] of [
    ['crit ["exp"]', { crit: ['exp'] }],
    ['crit []', { crit: [] }],
    ['crit "b64"', { crit: 'b64' }],
    ['crit ["b64"] with b64 false', { crit: ['b64'], b64: false }],
    ['b64 false', { b64: false }],
    ['crit ["nonce"]', { crit: ['nonce'] }],
  ] as const) {
    add('C', name, good(entraClaims(), h(extra)), 'header-crit-unsupported')
  }
  const jweHeader = b64url(json({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'k1' }))
  add(
    'C',
    '5-part JWE encrypted to our public key',
    `${jweHeader}.${b64url('k'.repeat(256))}.${b64url('iv-123456789')}.${b64url('ciphertext')}.${b64url('tag-0123456789ab')}`,
    'token-encrypted',
  )
  add(
    'C',
    '5-part JWE with dir',
    `${b64url(json({ alg: 'dir', enc: 'A128GCM' }))}..${b64url('iv')}.${b64url('c')}.${b64url('t')}`,
    'token-encrypted',
  )
  add('C', '5-part with empty segments', '....', 'token-encrypted')
  add(
    'C',
    'JWS JSON serialization (flattened)',
    JSON.stringify({ protected: vh, payload: vp, signature: vs }),
    'token-malformed',
  )
  add(
    'C',
    'JWS JSON serialization (general)',
    JSON.stringify({ payload: vp, signatures: [{ protected: vh, signature: vs }] }),
    'token-malformed',
  )
  const claimsText = json(entraClaims()).slice(1, -1)
  const headerText = json(h()).slice(1, -1)
  const dupes: [string, string, string][] = [
    ['header alg none then RS256', `{"alg":"none",${headerText}}`, json(entraClaims())],
    ['header kid twice', `{${headerText},"kid":"k2"}`, json(entraClaims())],
    ['payload aud evil then good', json(h()), `{"aud":"https://evil.example",${claimsText}}`],
    ['payload aud good then evil', json(h()), `{${claimsText},"aud":"https://evil.example"}`],
    ['payload tid twice', json(h()), `{${claimsText},"tid":"${TENANT_B}"}`],
    ['payload exp twice', json(h()), `{${claimsText},"exp":${NOW_S + 999_999}}`],
    ['payload roles twice', json(h()), `{${claimsText},"roles":["Machine.Isolate"]}`],
    ['payload iss twice', json(h()), `{"iss":"https://evil.example/",${claimsText}}`],
    ['nested duplicate', json(h()), `{${claimsText},"x":{"a":1,"a":2}}`],
    ['escaped duplicate name', json(h()), `{${claimsText},"\\u0061ud":"https://evil.example"}`],
  ]
  for (const [name, header, payload] of dupes)
    add(
      'C',
      `duplicate member: ${name} (signed by the trusted key)`,
      signCompact(header, payload, k1.privateKey),
      'duplicate-member',
    )
  add(
    'C',
    'space inside the payload segment',
    `${vh}.${vp.slice(0, 10)} ${vp.slice(10)}.${vs}`,
    'token-malformed',
  )
  add('C', 'newline between segments', `${vh}\n.${vp}.${vs}`, 'token-malformed')
  add('C', 'tab inside the signature', `${vh}.${vp}.${vs.slice(0, 5)}\t${vs.slice(5)}`, 'token-malformed')
  add('C', 'padding on the header', `${vh}==.${vp}.${vs}`, 'token-malformed')
  add(
    'C',
    'standard base64 alphabet',
    `${Buffer.from(json(h())).toString('base64').replace(/=+$/, '')}.${vp}.${vs.replace(/-/g, '+').replace(/_/g, '/')}`,
    ['token-malformed', 'signature-invalid'],
  )
  for (const [i, segment] of [vh, vp, vs].entries()) {
    const nc = nonCanonical(segment)
    if (nc !== null) {
      const ps = [vh, vp, vs]
      ps[i] = nc
      add('C', `non-zero trailing bits in segment ${i + 1}`, ps.join('.'), 'token-malformed')
    }
  }
  for (const payload of ['[]', '"a string"', '123', 'null', 'true', '[{"aud":"x"}]']) {
    add('C', `payload ${payload}`, signCompact(h(), payload, k1.privateKey), 'token-malformed')
  }
  add(
    'C',
    'header is an array',
    signCompact('[{"alg":"RS256"}]', entraClaims(), k1.privateKey),
    'token-malformed',
  )
  const rawSign = (hb: Buffer, pb: Buffer) => {
    const input = `${b64url(hb)}.${b64url(pb)}`
    return `${input}.${b64url(signBytes(input, k1.privateKey))}`
  }
  add(
    'C',
    'invalid UTF-8 in the payload',
    rawSign(
      Buffer.from(json(h())),
      Buffer.concat([Buffer.from('{"aud":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
    ),
    'token-malformed',
  )
  add(
    'C',
    'overlong UTF-8 in the header',
    rawSign(
      Buffer.concat([Buffer.from('{"alg":"RS256","kid":"k'), Buffer.from([0xc0, 0xb1]), Buffer.from('"}')]),
      Buffer.from(json(entraClaims())),
    ),
    'token-malformed',
  )
  add(
    'C',
    'BOM before the payload',
    rawSign(
      Buffer.from(json(h())),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json(entraClaims()))]),
    ),
    'token-malformed',
  )
  add(
    'C',
    'deeply nested payload',
    signCompact(h(), `{${claimsText},"x":${'['.repeat(5000)}${']'.repeat(5000)}}`, k1.privateKey),
    'token-malformed',
  )
  add(
    'C',
    'trailing garbage after the payload JSON',
    signCompact(h(), `${json(entraClaims())}x`, k1.privateKey),
    'token-malformed',
  )
  add(
    'C',
    'oversized token (300 KB payload)',
    good(entraClaims({}, { pad: 'a'.repeat(300_000) })),
    'token-oversized',
  )
  add(
    'C',
    'oversized header (1 MiB)',
    `${b64url('{"alg":"RS256","x":"' + 'a'.repeat(1 << 20) + '"}')}.${vp}.${vs}`,
    'token-oversized',
  )

  // D. Claims, signed with the trusted key (isolates the claim logic from the signature).
  const claim = (name: string, overrides: Record<string, unknown>, code: string | string[]) =>
    add('D', name, good(entraClaims({}, overrides)), code)
  const { exp: _exp, ...noExp } = entraClaims()
  add('D', 'exp missing', good(noExp), 'lifetime-invalid')
  claim('exp as a string', { exp: String(NOW_S + 3000) }, 'claim-type-invalid')
  claim('exp null', { exp: null }, 'claim-type-invalid')
  claim('exp float', { exp: NOW_S + 3000.5 }, 'lifetime-invalid')
  add(
    'D',
    'exp 1e400 (Infinity)',
    good(json(entraClaims()).replace(/"exp":\d+/, '"exp":1e400')),
    'lifetime-invalid',
  )
  claim('exp 1e12', { exp: 1e12 }, 'lifetime-invalid')
  claim('exp negative', { exp: -1 }, 'lifetime-invalid')
  claim('exp an hour ago', { exp: NOW_S - 3600 }, 'token-expired')
  claim('exp one second beyond the skew', { exp: NOW_S - 301 }, 'token-expired')
  claim('nbf in the future', { nbf: NOW_S + 3600 }, 'token-not-yet-valid')
  claim('nbf after exp, inside the skew', { nbf: NOW_S + 200, exp: NOW_S + 100 }, 'lifetime-invalid')
  claim('iat in the future', { iat: NOW_S + 3600 }, 'token-issued-in-future')
  claim(
    'lifetime over 28 hours',
    { nbf: NOW_S - 600, iat: NOW_S - 600, exp: NOW_S + 29 * 3600 },
    'lifetime-invalid',
  )
  claim('aud wrong', { aud: 'https://evil.example' }, 'audience-mismatch')
  claim('aud another Defender API', { aud: 'https://api.security.microsoft.com' }, [
    'wrong-api',
    'audience-mismatch',
  ])
  claim('aud an array with the right value', { aud: [MDE] }, 'audience-not-single')
  claim(
    'aud an array with the right and an evil value',
    { aud: ['https://evil.example', MDE] },
    'audience-not-single',
  )
  claim('aud missing', { aud: undefined }, 'audience-not-single')
  claim('aud a prefix of the right one', { aud: 'https://api.securitycenter.microsoft' }, 'audience-mismatch')
  claim('aud in another case', { aud: 'https://API.securitycenter.microsoft.com' }, 'audience-mismatch')
  claim('aud with two trailing slashes', { aud: `${MDE}//` }, 'audience-mismatch')
  claim('aud with a path appended', { aud: `${MDE}/evil` }, 'audience-mismatch')
  claim(
    'iss another tenant',
    { iss: `https://login.microsoftonline.com/${TENANT_B}/v2.0` },
    'issuer-tenant-mismatch',
  )
  claim(
    'iss with a trailing slash (v2)',
    { iss: `https://login.microsoftonline.com/${TENANT}/v2.0/` },
    'issuer-not-entra',
  )
  claim(
    'iss v1 without trailing slash',
    { iss: `https://sts.windows.net/${TENANT}`, ver: '1.0' },
    'issuer-not-entra',
  )
  claim('iss number', { iss: 42 }, 'issuer-not-entra')
  claim('iss missing', { iss: undefined }, 'issuer-not-entra')

  // E. Entra identity.
  const issFor = (tid: string) => `https://login.microsoftonline.com/${tid}/v2.0`
  for (let i = 0; i < 5; i++) {
    const tid = randomUUID()
    add(
      'E',
      `cross-tenant token from ${tid.slice(0, 8)} (multi-tenant app, valid signature)`,
      good(entraClaims({ tid })),
      'tenant-not-allowed',
    )
  }
  claim('iss tenant differs from tid', { iss: issFor(TENANT_B) }, 'issuer-tenant-mismatch')
  claim('tid missing', { tid: undefined }, 'tenant-missing')
  claim(
    'tid not a GUID',
    { tid: 'contoso.onmicrosoft.com', iss: issFor('contoso.onmicrosoft.com') },
    'tenant-invalid',
  )
  claim('tid a number', { tid: 42 }, 'tenant-invalid')
  claim('tid "common"', { tid: 'common', iss: issFor('common') }, 'tenant-invalid')
  claim('tid missing, TID present', { tid: undefined, TID: TENANT }, 'tenant-missing')
  claim('tid in braces', { tid: `{${TENANT}}`, iss: issFor(`{${TENANT}}`) }, 'tenant-invalid')
  add(
    'E',
    'signing key declares another tenant as issuer',
    signCompact(h({}, kOther), entraClaims(), kOther.privateKey),
    'signing-key-issuer-mismatch',
  )
  claim('ver 2.0 with a v1 issuer', { iss: `https://sts.windows.net/${TENANT}/` }, 'version-issuer-mismatch')
  claim('ver 1.0 with a v2 issuer', { ver: '1.0' }, 'version-issuer-mismatch')
  claim('iss on login.windows.net', { iss: `https://login.windows.net/${TENANT}/` }, 'issuer-not-entra')
  claim('iss over http', { iss: `http://login.microsoftonline.com/${TENANT}/v2.0` }, 'issuer-not-entra')
  claim('iss on a PPE host', { iss: `https://login.windows-ppe.net/${TENANT}/v2.0` }, 'issuer-not-entra')
  claim(
    'iss with the literal {tenantid}',
    { iss: 'https://login.microsoftonline.com/{tenantid}/v2.0' },
    'issuer-not-entra',
  )
  claim(
    'iss on an attacker host',
    { iss: `https://login.microsoftonline.com.evil.example/${TENANT}/v2.0` },
    'issuer-not-entra',
  )
  claim(
    'iss in China while the verifier serves public',
    { iss: `https://login.partner.microsoftonline.cn/${TENANT}/v2.0` },
    'cloud-not-allowed',
  )
  add(
    'E',
    'nOAuth: allowed user email from another tenant',
    good(
      entraClaims(
        { tid: OTHER_TENANT, kind: 'delegated' },
        { email: 'admin@contoso.example', upn: 'admin@contoso.example' },
      ),
    ),
    'tenant-not-allowed',
  )
  add(
    'E',
    'Graph token (nonce header)',
    signCompact(h({ nonce: 'abc123' }), entraClaims({ aud: 'https://graph.microsoft.com' }), k1.privateKey),
    'graph-token',
  )
  add(
    'E',
    'nonce header on a token claiming our audience',
    signCompact(h({ nonce: 'abc123' }), entraClaims(), attacker.privateKey),
    'signature-invalid',
  ) // its signature is checked: only a token for Graph is exempt
  const { azp: _azp, idtyp: _idtyp, roles: _roles, ...idBase } = entraClaims({ kind: 'delegated' })
  add(
    'E',
    'ID token sent as an access token',
    good({ ...idBase, aud: CLIENT_APP, scp: undefined, nonce: 'n-123' }),
    'id-token-as-access-token',
  )
  claim('roles as a string', { roles: 'Machine.Read.All' }, 'claim-type-invalid')
  claim('scp as an array', { scp: ['Machine.Read'], idtyp: 'user' }, 'claim-type-invalid')
  add(
    'E',
    '__proto__ smuggles tid',
    good(json(entraClaims({}, { tid: undefined })).replace(/^\{/, `{"__proto__":{"tid":"${TENANT}"},`)),
    'tenant-missing',
  )
  add(
    'E',
    'constructor smuggles aud',
    good(json(entraClaims({}, { aud: undefined })).replace(/^\{/, `{"constructor":{"aud":"${MDE}"},`)),
    'audience-not-single',
  )
  add(
    'E',
    'client app not allowed (azp)',
    good(entraClaims({}, { azp: randomUUID() })),
    'client-app-not-allowed',
    'clientApps',
  )
  add(
    'E',
    'client app not allowed (appid, v1)',
    good(entraClaims({ version: '1.0' }, { appid: randomUUID() })),
    'client-app-not-allowed',
    'clientApps',
  )
  add(
    'E',
    'no client app at all',
    good(entraClaims({}, { azp: undefined })),
    'client-app-not-allowed',
    'clientApps',
  )
  add(
    'E',
    'consumer tenant, any tenant accepted',
    good(entraClaims({ tid: '9188040d-6c67-4c5b-b112-36a304b66dad' })),
    'consumer-tenant',
    'any',
  )
  add(
    'E',
    'custom signing key without the appId option',
    signCompact(h({}, appKey), entraClaims(), appKey.privateKey),
    'signing-key-not-found',
  )
  add(
    'E',
    'custom signing key, appid chosen by the token header',
    signCompact(h({ appid: CLIENT_APP }, appKey), entraClaims(), appKey.privateKey),
    'signing-key-not-found',
  )
  add(
    'E',
    'weak (1024-bit) key published in the set',
    signCompact(h({}, weak), entraClaims(), weak.privateKey),
    'signing-key-not-found',
  )
  add(
    'E',
    'key with e = 1 published in the set',
    `${b64url(json(h({ kid: 'e1' })))}.${vp}.${vs}`,
    'signing-key-not-found',
  )
  add(
    'E',
    'key with use enc published in the set',
    signCompact(h({ kid: 'enc' }), entraClaims(), k1.privateKey),
    'signing-key-not-found',
  )

  // F. Key fetching driven by the token: none of these may cause a request.
  for (let i = 0; i < 20; i++) {
    const tid = randomUUID()
    add(
      'F',
      `random tenant ${i} with jku`,
      signCompact(
        { ...h({}, attacker), jku: `https://attacker.example/${tid}` },
        entraClaims({ tid }),
        attacker.privateKey,
      ),
      'tenant-not-allowed',
    )
  }
  add(
    'F',
    'tenant GUID with a path in iss',
    good(entraClaims({}, { iss: `https://login.microsoftonline.com/${TENANT}/../evil/v2.0` })),
    'issuer-not-entra',
  )
  add(
    'F',
    'tid with URL characters',
    good(entraClaims({}, { tid: `${TENANT}/../../evil`, iss: issFor(`${TENANT}/../../evil`) })),
    'tenant-invalid',
  )
  add('F', 'tid with a query', good(entraClaims({}, { tid: `${TENANT}?x=1` })), 'tenant-invalid')

  // G. Uniform errors: whatever the input, a Report, never an exception.
  for (const input of [null, undefined, 42, {}, [], '', ' ', 'Bearer', 'a.b.c', '...', '\u0000']) {
    add('G', `input ${JSON.stringify(input) ?? 'undefined'}`, input as unknown as string, [
      'token-malformed',
      'token-opaque',
      'token-encrypted',
    ])
  }

  // Positive controls.
  for (const version of ['1.0', '2.0'] as const) {
    for (const kind of ['app-only', 'delegated'] as const) {
      for (const cloud of ['public', 'usgov', 'china'] as const) {
        const aud = cloud === 'china' ? 'api://claimcheck-china' : undefined
        controls.push({
          name: `v${version} ${kind} ${cloud}`,
          token: good(entraClaims({ version, kind, cloud, ...(aud ? { aud } : {}) })),
        })
      }
    }
  }
  controls.push({ name: 'tenant B', token: good(entraClaims({ tid: TENANT_B })) })
  controls.push({
    name: 'exp exactly at the skew edge',
    token: good(entraClaims({}, { exp: NOW_S - 300, nbf: NOW_S - 3600, iat: NOW_S - 3600 })),
  })
  controls.push({
    name: 'nbf exactly at the skew edge',
    token: good(entraClaims({}, { nbf: NOW_S + 300, iat: NOW_S + 300 })),
  })
  controls.push({
    name: 'lifetime exactly 28 hours',
    token: good(entraClaims({}, { nbf: NOW_S - 3600, iat: NOW_S - 3600, exp: NOW_S - 3600 + 28 * 3600 })),
  })
  controls.push({ name: 'rotated key', token: signCompact(h({}, k2), entraClaims(), k2.privateKey) })
  controls.push({ name: 'Bearer prefix', token: `Bearer ${valid}` })
  controls.push({ name: 'Authorization header line', token: `Authorization: Bearer ${valid}` })
  controls.push({ name: 'quoted with whitespace', token: ` "${valid}"\n` })
  controls.push({
    name: 'v1 token with x5t and kid',
    token: good(entraClaims({ version: '1.0' }), h({ x5t: 'k1' })),
  })
  controls.push({ name: 'static key set', token: valid, verifier: 'static' })
  controls.push({ name: 'allowed client app', token: valid, verifier: 'clientApps' })
  controls.push({ name: 'any tenant', token: good(entraClaims({ tid: randomUUID() })), verifier: 'any' })
}

beforeAll(() => {
  k1 = makeKey('k1', 2048, {})
  k2 = makeKey('k2')
  kOther = makeKey('kOther', 2048, { issuer: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })
  attacker = makeKey('attacker')
  appKey = makeKey('app-key')
  const weakPair = generateKeyPairSync('rsa', { modulusLength: 1024 })
  const weakJwk = weakPair.publicKey.export({ format: 'jwk' })
  weak = {
    kid: 'weak',
    privateKey: weakPair.privateKey,
    publicKey: weakPair.publicKey,
    jwk: { kty: 'RSA', use: 'sig', kid: 'weak', n: weakJwk.n, e: weakJwk.e },
  }
  const published = (version: string): Record<string, unknown>[] => [
    version === '2.0' ? { ...k1.jwk, issuer: V2_KEY_ISSUER } : k1.jwk,
    k2.jwk,
    kOther.jwk,
    weak.jwk,
    { ...k1.jwk, kid: 'e1', e: 'AQ' },
    { ...k1.jwk, kid: 'enc', use: 'enc' },
  ]
  entra = inMemoryEntra((version, _tid, appId) => (appId === null ? published(version) : [appKey.jwk]))
  const common = {
    audience: [MDE, 'https://api-gov.securitycenter.microsoft.us', 'api://claimcheck-china'],
    cloud: ['public', 'usgov', 'china'] as const,
    now: NOW,
  }
  verifiers = {
    // The attack verifier serves the public cloud only, so a China issuer is refused (see "iss in China").
    discovery: createVerifier({
      ...common,
      cloud: 'public',
      tenants: [TENANT, TENANT_B],
      fetch: entra.fetch,
    }),
    static: createVerifier({ ...common, tenants: [TENANT, TENANT_B], jwks: { keys: published('1.0') } }),
    clientApps: createVerifier({
      ...common,
      tenants: [TENANT, TENANT_B],
      fetch: entra.fetch,
      clientApps: [CLIENT_APP],
    }),
    any: createVerifier({ ...common, tenants: 'any', jwks: { keys: published('1.0') } }),
  }
  build()
})

afterAll(() => {
  console.log(
    `${attacks.length} attacks tried, ${attacksAccepted} accepted; ${controls.length} controls, ${controlsAccepted} accepted`,
  )
})

describe('attack catalogue', () => {
  it('has at least 250 attacks covering every section', () => {
    expect(attacks.length).toBeGreaterThanOrEqual(250)
    expect(new Set(attacks.map((a) => a.section))).toEqual(new Set(['A', 'B', 'C', 'D', 'E', 'F', 'G']))
  })

  it('rejects every attack with its expected code', async () => {
    const failures: string[] = []
    for (const attack of attacks) {
      let report: Report
      try {
        report = await verifiers[attack.verifier ?? 'discovery'].verify(attack.token)
      } catch (err) {
        failures.push(`${attack.section} ${attack.name}: threw ${String(err)}`)
        continue
      }
      const found: string[] = report.findings.map((f) => f.code)
      const wanted = typeof attack.expect === 'string' ? [attack.expect] : attack.expect
      if (report.ok) attacksAccepted++
      if (report.ok || !wanted.some((c) => found.includes(c)))
        failures.push(
          `${attack.section} ${attack.name}: ok=${report.ok} signature=${report.signature.status} codes=${found.join(',')}`,
        )
    }
    expect(failures).toEqual([])
    expect(attacksAccepted).toBe(0)
  })

  it('fetched only Entra key sets of allowed tenants, never a URL a token named', () => {
    for (const url of entra.requests) {
      // A tenant's own metadata and keys, or the shared v1 key set its metadata names (as Entra's does).
      expect(url).toMatch(
        new RegExp(`^https://login\\.microsoftonline\\.com/(${TENANT}|${TENANT_B}|common/discovery/keys$)`),
      )
    }
    expect(entra.requests.some((u) => u.includes('appid='))).toBe(false)
  })

  it('accepts every positive control', async () => {
    const failures: string[] = []
    const withChina = createVerifier({
      audience: [MDE, 'https://api-gov.securitycenter.microsoft.us', 'api://claimcheck-china'],
      cloud: ['public', 'usgov', 'china'],
      tenants: [TENANT, TENANT_B],
      fetch: entra.fetch,
      now: NOW,
    })
    for (const control of controls) {
      const verifier = control.verifier ? verifiers[control.verifier] : withChina
      const report = await verifier.verify(control.token)
      if (report.ok && report.signature.status === 'valid') controlsAccepted++
      else
        failures.push(
          `${control.name}: ${report.signature.status} ${report.findings.map((f) => f.code).join(',')}`,
        )
    }
    expect(failures).toEqual([])
  })
})
