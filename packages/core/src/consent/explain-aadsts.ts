import { parseJsonObject } from '../lib/records.js'
import { AADSTS_CATALOGUE, type AadstsEntry } from './aadsts-catalogue.js'
import { AADSTS_SOURCES, type AadstsSource } from './aadsts-sources.js'
import { boundedText } from '../lib/bounded-text.js'

export interface AadstsExplanation {
  /** `AADSTS` + the number, e.g. `AADSTS700016`. */
  code: string
  number: number
  /** False when the code is not in ClaimCheck's catalogue: meaning and fix then say so and point to Entra's lookup page. */
  known: boolean
  name: string | null
  meaning: string
  cause: string | null
  fix: string
  /** The first line of the error text Entra sent, when the input carried one (trace and correlation IDs removed). */
  description: string | null
  /** Further codes in the input, e.g. a token endpoint's `error_codes` listing more than one. */
  otherCodes: string[]
  /** Entra's own lookup page for this code. */
  lookupUrl: string
  sources: AadstsSource[]
}

const BY_NUMBER: ReadonlyMap<number, AadstsEntry> = new Map(AADSTS_CATALOGUE.map((e) => [e.code, e]))

const BARE_CODE = /^(?:AADSTS)?(\d{3,9})$/i
const CODE_IN_TEXT = /AADSTS(\d{3,9})/gi
const ERROR_CODES_IN_TEXT = /"error_codes"\s*:\s*\[\s*(\d{3,9})/
const MAX_DESCRIPTION = 500

interface Found {
  numbers: number[]
  description: string | null
}

/**
 * Explains an Entra error code. Accepts the code (`AADSTS700016`, `700016`, 700016), free text that contains it
 * (an exception message, a log line), a token endpoint's JSON error (as text or parsed: `error_codes`,
 * `error_description`), or a redirect URL carrying `error_description` (query or fragment).
 * Returns null when the input holds no AADSTS code; never throws on any string.
 */
export function explainAadsts(input: string | number | object): AadstsExplanation | null {
  const found = find(input)
  const [first, ...rest] = unique(found.numbers)
  if (first === undefined) return null
  return explanationFor(first, found.description, rest)
}

/** The explanation for one known or unknown code number. */
export function explainAadstsCode(
  number: number,
  description: string | null = null,
  otherCodes: number[] = [],
): AadstsExplanation {
  return explanationFor(number, description, otherCodes)
}

function explanationFor(number: number, description: string | null, others: number[]): AadstsExplanation {
  const lookupUrl = `https://login.microsoftonline.com/error?code=${number}`
  const entry = BY_NUMBER.get(number)
  const base = {
    code: `AADSTS${number}`,
    number,
    description,
    otherCodes: others.map((n) => `AADSTS${n}`),
    lookupUrl,
  }
  if (!entry) {
    return {
      ...base,
      known: false,
      name: null,
      meaning: `AADSTS${number} is not in ClaimCheck's catalogue of AADSTS codes (unknown code).`,
      cause: null,
      fix: `Read the error_description Entra sent with it, and look the code up at ${lookupUrl}.`,
      sources: [],
    }
  }
  return {
    ...base,
    known: true,
    name: entry.name,
    meaning: entry.meaning,
    cause: entry.cause,
    fix: entry.fix,
    sources: entry.sources.map((id) => AADSTS_SOURCES[id]),
  }
}

function find(input: string | number | object): Found {
  if (typeof input === 'number') {
    return { numbers: Number.isSafeInteger(input) && input > 0 ? [input] : [], description: null }
  }
  if (typeof input === 'string') return findInString(input)
  if (typeof input === 'object' && input !== null && !Array.isArray(input))
    return findInObject(input as Record<string, unknown>)
  throw new TypeError('explainAadsts expects a code, a text, a token endpoint error object or a URL')
}

function findInString(raw: string): Found {
  const text = raw.trim()
  const bare = BARE_CODE.exec(text)
  if (bare?.[1] !== undefined) return { numbers: [Number(bare[1])], description: null }
  if (text.startsWith('{')) {
    const parsed = parseJsonObject(text)
    if (parsed) return findInObject(parsed)
  }
  if (/^https?:\/\//i.test(text)) {
    const fromUrl = findInUrl(text)
    if (fromUrl.numbers.length > 0) return fromUrl
  }
  return findInText(text)
}

function findInObject(obj: Record<string, unknown>): Found {
  const description = typeof obj.error_description === 'string' ? obj.error_description : null
  const numbers: number[] = []
  const codes = obj.error_codes
  if (Array.isArray(codes)) {
    for (const c of codes) {
      const n = typeof c === 'number' ? c : typeof c === 'string' && /^\d{3,9}$/.test(c) ? Number(c) : NaN
      if (Number.isSafeInteger(n) && n > 0) numbers.push(n)
    }
  }
  if (description !== null) numbers.push(...codesInText(description))
  if (numbers.length === 0 && typeof obj.error_uri === 'string')
    numbers.push(...findInUrl(obj.error_uri).numbers)
  return { numbers, description: description === null ? null : firstLine(description) }
}

function findInUrl(text: string): Found {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return { numbers: [], description: null }
  }
  // Entra answers in the query by default and in the fragment for response_mode=fragment.
  for (const params of [url.searchParams, new URLSearchParams(url.hash.replace(/^#/, ''))]) {
    const description = params.get('error_description')
    if (description !== null) {
      const numbers = codesInText(description)
      if (numbers.length > 0) return { numbers, description: firstLine(description) }
    }
    // https://login.microsoftonline.com/error?code=50058 — Entra's own lookup page, or an error_uri.
    const code = params.get('code')
    if (
      code !== null &&
      /^\d{3,9}$/.test(code) &&
      url.pathname.replace(/(?<!\/)\/+$/, '').endsWith('/error')
    ) {
      return { numbers: [Number(code)], description: null }
    }
  }
  return { numbers: [], description: null }
}

function findInText(text: string): Found {
  const numbers = codesInText(text)
  if (numbers.length === 0) {
    const listed = ERROR_CODES_IN_TEXT.exec(text)
    if (listed?.[1] !== undefined) numbers.push(Number(listed[1]))
  }
  if (numbers.length === 0) return { numbers, description: null }
  const start = text.search(/AADSTS\d/i)
  return { numbers, description: firstLine(start >= 0 ? text.slice(start) : text) }
}

function codesInText(text: string): number[] {
  return [...text.matchAll(CODE_IN_TEXT)].map((m) => Number(m[1]))
}

/** Entra appends "\r\nTrace ID: …\r\nCorrelation ID: …\r\nTimestamp: …": keep the sentence that explains. */
function firstLine(text: string): string {
  const line = (text.split(/\r?\n|(?<!\s)\s+Trace ID:/)[0] ?? '').trim()
  return boundedText(line, MAX_DESCRIPTION)
}

function unique(numbers: number[]): number[] {
  return [...new Set(numbers)]
}
