import type { Finding } from '../findings/finding.js'
import { makeFinding } from '../findings/make-finding.js'
import { base64UrlRefusal, decodeBase64Url, decodeBase64UrlText } from '../lib/base64url.js'
import { isJsonObject, ownValue, type JsonObject } from '../lib/json.js'
import { parseStrictJson } from '../lib/strict-json.js'
import { boundedText } from '../lib/bounded-text.js'

/** Microsoft.IdentityModel's cap; Entra tokens are a few kilobytes. */
export const MAX_TOKEN_BYTES = 256_000

export interface DecodedToken {
  /** The compact token exactly as decoded (after input normalization). */
  readonly compact: string
  readonly header: JsonObject
  readonly payload: JsonObject
  /** What the signature covers: the first two segments and the dot between them (ASCII). */
  readonly signingInput: string
  /** The third segment as written (canonical base64url when `signable`). */
  readonly signatureSegment: string
  /** The signature's bytes (empty when the segment is empty or not base64url), decoded when read. */
  readonly signature: Uint8Array
  /**
   * Whether a signature check means anything: a non-empty canonical signature, an alg that is not "none", no
   * duplicate member, no crit or b64. When false, the decoder's findings already say why the token is refused.
   */
  readonly signable: boolean
}

export interface DecodeResult {
  /** Present when header and payload could be read, even if other findings are errors. */
  token: DecodedToken | null
  findings: Finding[]
}

class Decoded implements DecodedToken {
  constructor(
    readonly compact: string,
    readonly header: JsonObject,
    readonly payload: JsonObject,
    readonly signingInput: string,
    readonly signatureSegment: string,
    readonly signable: boolean,
  ) {}

  get signature(): Uint8Array {
    const sig = decodeBase64Url(this.signatureSegment)
    return sig.ok ? sig.bytes : new Uint8Array(0)
  }
}

/**
 * Entra and Microsoft-account codes and refresh tokens ("0.AXkA…", "M.C105_BAY.2.U.…", "M.R3_BAY.-C…") may
 * contain dots but are not JWTs: a one-character first segment is impossible in base64url, so this never
 * shadows a real token.
 */
const OPAQUE_WITH_DOTS = /^(?:M\.[A-Z][A-Z0-9]*_[A-Z0-9]+\.|0\.A[A-Za-z0-9_-]{8,})/

/** Token-controlled values quoted in messages are cut: a message stays small whatever the token holds. */
const MAX_QUOTED = 80

export function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return boundedText(text, MAX_QUOTED)
}

/** A token-controlled value for a finding's expected/actual: strings and structures cut to a small size. */
export function shortValue(value: unknown): unknown {
  if (value === undefined) return null
  if (typeof value === 'string') return boundedText(value, MAX_QUOTED)
  if (typeof value === 'object' && value !== null) return shortJson(value)
  return value
}

const HEADER_KEY_MEMBERS = ['jku', 'x5u', 'jwk', 'x5c'] as const

const encoder = new TextEncoder()

function byteLength(s: string): number {
  return encoder.encode(s).length
}

type SegmentResult =
  | { ok: true; value: JsonObject; duplicates: string[]; duplicateCount: number }
  | { ok: false; finding: Finding }

function decodeJsonSegment(segment: string, part: 'header' | 'payload'): SegmentResult {
  const malformed = (why: string): SegmentResult => ({
    ok: false,
    finding: makeFinding('token-malformed', `The ${part} segment ${why}.`, { actual: part }),
  })
  if (segment.length === 0) return malformed('is empty')
  const decoded = decodeBase64UrlText(segment)
  if (!decoded.ok)
    return malformed(
      decoded.reason === 'utf-8' ? 'is not valid UTF-8' : `is not valid base64url: ${decoded.error}`,
    )
  const text = decoded.text
  if (text.charCodeAt(0) === 0xfeff) return malformed('starts with a byte-order mark')
  const parsed = parseStrictJson(text)
  if (!parsed.ok) return malformed(`is not JSON (${parsed.error})`)
  if (!isJsonObject(parsed.value))
    return malformed(
      `is JSON but not an object (${Array.isArray(parsed.value) ? 'an array' : typeof parsed.value})`,
    )
  return {
    ok: true,
    value: parsed.value,
    duplicates: parsed.duplicates,
    duplicateCount: parsed.duplicateCount,
  }
}

/**
 * Strict compact-JWS decoding. It never throws and never verifies: it reports what is structurally wrong and
 * returns header and payload whenever they can be read, so the rest of the diagnosis can still explain them.
 */
export function decodeToken(compact: string): DecodeResult {
  const findings: Finding[] = []
  if (compact.length === 0) {
    return {
      token: null,
      findings: [makeFinding('token-malformed', 'The input is empty: there is no token to inspect.')],
    }
  }
  // Bytes are at least characters, so the cheap check first keeps huge input from being encoded.
  // UTF-8 takes at most 3 bytes per UTF-16 code unit, so only long input needs counting.
  if (
    compact.length > MAX_TOKEN_BYTES ||
    (compact.length * 3 > MAX_TOKEN_BYTES && byteLength(compact) > MAX_TOKEN_BYTES)
  ) {
    return {
      token: null,
      findings: [
        makeFinding(
          'token-oversized',
          `The token is ${byteLength(compact).toLocaleString('en-US')} bytes; the limit is ${MAX_TOKEN_BYTES.toLocaleString('en-US')}.`,
          { expected: MAX_TOKEN_BYTES, actual: byteLength(compact) },
        ),
      ],
    }
  }
  if (compact.startsWith('{')) {
    return {
      token: null,
      findings: [
        makeFinding(
          'token-malformed',
          'The input looks like JSON, not a compact token. If it is a token response, copy the value of access_token.',
          { fix: 'Paste the access_token value, not the whole JSON response.' },
        ),
      ],
    }
  }
  if (OPAQUE_WITH_DOTS.test(compact)) {
    return {
      token: null,
      findings: [
        makeFinding(
          'token-opaque',
          'The input has the form of an Entra or Microsoft-account authorization code or refresh token ("0.A…" or "M.…"), which is opaque by design.',
        ),
      ],
    }
  }
  const segments = compact.split('.')
  if (segments.length === 1) {
    return {
      token: null,
      findings: [
        makeFinding(
          'token-opaque',
          `The input has no dots, so it is not a JWT (${compact.length} characters). Refresh tokens, authorization codes and Microsoft-account access tokens are opaque by design.`,
        ),
      ],
    }
  }
  // Two tokens pasted together ("a.b.c d.e.f") also make five dot-separated segments: that is not a JWE.
  const words = compact.split(/\s+/).filter((w) => w.length > 0)
  if (words.length > 1 && words.filter((w) => w.includes('.')).length > 1) {
    return {
      token: null,
      findings: [
        makeFinding(
          'token-malformed',
          `The input holds ${words.length === 2 ? 'two tokens' : `${words.length} tokens`} separated by whitespace; paste one token.`,
          { fix: 'Paste one access token: the text after Bearer in one Authorization header.' },
        ),
      ],
    }
  }
  if (segments.length === 5) {
    return {
      token: null,
      findings: [
        makeFinding(
          'token-encrypted',
          'The token has five segments: it is an encrypted JWE, which only the app holding its decryption key can read.',
        ),
      ],
    }
  }
  if (segments.length !== 3) {
    return {
      token: null,
      findings: [
        makeFinding(
          'token-malformed',
          `A JWT has three segments separated by dots; this input has ${segments.length}.`,
          { expected: 3, actual: segments.length },
        ),
      ],
    }
  }
  const [h, p, s] = segments as [string, string, string]
  const header = decodeJsonSegment(h, 'header')
  const payload = decodeJsonSegment(p, 'payload')
  if (!header.ok) findings.push(header.finding)
  if (!payload.ok) findings.push(payload.finding)
  // Checked here; its bytes are decoded only when the signature is checked.
  const signatureError = s.length > 0 ? base64UrlRefusal(s) : null
  if (signatureError !== null)
    findings.push(
      makeFinding('token-malformed', `The signature segment is not valid base64url: ${signatureError}.`),
    )
  if (!header.ok || !payload.ok) return { token: null, findings }

  let signable = signatureError === null
  for (const [part, result] of [
    ['header', header],
    ['payload', payload],
  ] as const) {
    if (result.duplicateCount > 0) {
      signable = false
      // Bounded whatever the input: a few shortened paths and a count (a hostile token may repeat 15,000 members).
      const named = result.duplicates.map((d) => JSON.stringify(d)).join(', ')
      const more =
        result.duplicateCount > result.duplicates.length
          ? ` and ${result.duplicateCount - result.duplicates.length} more`
          : ''
      findings.push(
        makeFinding(
          'duplicate-member',
          `The ${part} repeats ${named}${more}; parsers disagree on which value counts.`,
          { claim: result.duplicates[0], actual: result.duplicates },
        ),
      )
    }
  }

  const alg = ownValue(header.value, 'alg')
  if (typeof alg !== 'string' || alg.length === 0 || alg.toLowerCase() === 'none') {
    signable = false
    findings.push(
      makeFinding(
        'token-unsigned',
        alg === undefined
          ? 'The header has no alg.'
          : `The header says alg ${shortJson(alg)}: the token claims to be unsigned.`,
        { claim: 'alg', expected: 'RS256', actual: shortValue(alg) },
      ),
    )
  } else if (s.length === 0) {
    signable = false
    findings.push(
      makeFinding(
        'token-unsigned',
        'The signature segment is empty: the token was truncated or its signature stripped.',
        { claim: 'signature' },
      ),
    )
  }
  const keyMembers = HEADER_KEY_MEMBERS.filter((m) => Object.hasOwn(header.value, m))
  if (keyMembers.length > 0) {
    findings.push(
      makeFinding(
        'header-key-ignored',
        `The header carries ${keyMembers.join(', ')}; a token never chooses its own key, so ${keyMembers.length === 1 ? 'it is' : 'they are'} ignored.`,
        { claim: keyMembers[0], actual: keyMembers },
      ),
    )
  }
  if (Object.hasOwn(header.value, 'crit') || ownValue(header.value, 'b64') === false) {
    signable = false
    findings.push(
      makeFinding(
        'header-crit-unsupported',
        `The header has ${Object.hasOwn(header.value, 'crit') ? 'crit' : 'b64: false'}; Entra tokens never use critical extensions.`,
        { claim: Object.hasOwn(header.value, 'crit') ? 'crit' : 'b64' },
      ),
    )
  }
  return {
    token: new Decoded(
      compact,
      header.value,
      payload.value,
      compact.slice(0, h.length + 1 + p.length),
      s,
      signable,
    ),
    findings,
  }
}
