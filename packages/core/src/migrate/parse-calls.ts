import { HTTP_METHODS, type HttpMethod } from '../permissions/types.js'

/** One call an app makes, as read from its list: never its headers, cookies or credentials. */
export interface ListedCall {
  method: HttpMethod
  /** The URL or path as written, without its query string or fragment (they may carry secrets). */
  target: string
  /** The request body when the input had one (curl -d, a HAR's postData): read for type names, never printed. */
  body: string | null
  /** Where it came from: 1-based line, or the HAR entry's 1-based index. */
  at: number
  format: 'line' | 'curl' | 'har'
}

/** An entry that could not be read as a call, and why (never the entry's text: it may hold a token). */
export interface UnreadableCall {
  at: number
  format: 'line' | 'curl' | 'har'
  reason: string
}

export interface CallList {
  format: 'lines' | 'har'
  calls: ListedCall[]
  unreadable: UnreadableCall[]
}

/** The most text read (a HAR of a long session is a few MB); the CLI caps the file before this. */
export const MAX_CALL_LIST_CHARS = 16 * 1024 * 1024
export const MAX_CALLS = 10_000

const METHODS: readonly string[] = HTTP_METHODS

function withoutQuery(target: string): string {
  const cut = target.search(/[?#]/)
  return cut < 0 ? target : target.slice(0, cut)
}

const isUrlOrPath = (s: string): boolean => /^https?:\/\//i.test(s) || s.startsWith('/')

/**
 * Splits a shell command line into words: single and double quotes, backslash escapes. A small state machine, not a
 * regular expression: curl lines are outside text.
 */
export function shellWords(line: string): string[] {
  const words: string[] = []
  let word = ''
  let inWord = false
  let quote: '"' | "'" | null = null
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string
    if (quote === "'") {
      if (c === "'") quote = null
      else word += c
    } else if (quote === '"') {
      if (c === '"') quote = null
      else if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1] as string)) word += line[++i]
      else word += c
    } else if (c === "'" || c === '"') {
      quote = c
      inWord = true
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i]
      inWord = true
    } else if (c === ' ' || c === '\t') {
      if (inWord) words.push(word)
      word = ''
      inWord = false
    } else {
      word += c
      inWord = true
    }
  }
  if (inWord) words.push(word)
  return words
}

const DATA_FLAGS = new Set([
  '-d',
  '--data',
  '--data-raw',
  '--data-binary',
  '--data-ascii',
  '--data-urlencode',
  '--json',
])
// Flags whose next word is their value (so it is never taken for the URL).
const VALUE_FLAGS = new Set([
  '-H',
  '--header',
  '-b',
  '--cookie',
  '-u',
  '--user',
  '-o',
  '--output',
  '-A',
  '--user-agent',
  '-e',
  '--referer',
  '--oauth2-bearer',
  '-m',
  '--max-time',
  '--connect-timeout',
  '-w',
  '--write-out',
  '-x',
  '--proxy',
  '--cacert',
  '--cert',
  '--key',
  '-F',
  '--form',
  '--retry',
])

function readCurl(words: string[], at: number): ListedCall | UnreadableCall {
  let method: string | null = null
  let url: string | null = null
  let body: string | null = null
  for (let i = 1; i < words.length; i++) {
    const w = words[i] as string
    if (w === '-X' || w === '--request') method = (words[++i] ?? '').toUpperCase()
    else if (w.startsWith('-X') && w.length > 2) method = w.slice(2).toUpperCase()
    else if (w.startsWith('--request=')) method = w.slice('--request='.length).toUpperCase()
    else if (DATA_FLAGS.has(w)) body = `${body ?? ''}${words[++i] ?? ''}`
    else if (w === '--url') url = words[++i] ?? null
    else if (VALUE_FLAGS.has(w)) i++
    else if (!w.startsWith('-') && url === null && /^https?:\/\//i.test(w)) url = w
  }
  if (url === null) return { at, format: 'curl', reason: 'no http(s) URL in the curl command' }
  const m = method ?? (body !== null ? 'POST' : 'GET')
  if (!METHODS.includes(m))
    return { at, format: 'curl', reason: `method ${m.slice(0, 10)} is not one of ${METHODS.join(', ')}` }
  return { method: m as HttpMethod, target: withoutQuery(url), body, at, format: 'curl' }
}

function readLines(text: string): CallList {
  const calls: ListedCall[] = []
  const unreadable: UnreadableCall[] = []
  const raw = text.split(/\r?\n/)
  for (let i = 0; i < raw.length && calls.length < MAX_CALLS; i++) {
    const at = i + 1
    let line = (raw[i] as string).trim()
    // A curl command continued over lines with a trailing backslash.
    while (line.endsWith('\\') && i + 1 < raw.length)
      line = `${line.slice(0, -1)} ${(raw[++i] as string).trim()}`
    if (line === '' || line.startsWith('#') || line.startsWith('//')) continue
    const words = shellWords(line)
    const first = words[0] ?? ''
    if (first === 'curl' || first === 'curl.exe') {
      const c = readCurl(words, at)
      if ('method' in c) calls.push(c)
      else unreadable.push(c)
      continue
    }
    const upper = first.toUpperCase()
    if (METHODS.includes(upper) && words[1] !== undefined && isUrlOrPath(words[1])) {
      calls.push({
        method: upper as HttpMethod,
        target: withoutQuery(words[1]),
        body: null,
        at,
        format: 'line',
      })
    } else if (words.length === 1 && /^https?:\/\//i.test(first)) {
      calls.push({ method: 'GET', target: withoutQuery(first), body: null, at, format: 'line' })
    } else {
      unreadable.push({ at, format: 'line', reason: 'not "METHOD URL", a URL, or a curl command' })
    }
  }
  return { format: 'lines', calls, unreadable }
}

const record = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null

function readHar(doc: Record<string, unknown>): CallList {
  const calls: ListedCall[] = []
  const unreadable: UnreadableCall[] = []
  const entries = record(doc.log)?.entries
  if (!Array.isArray(entries))
    return { format: 'har', calls, unreadable: [{ at: 0, format: 'har', reason: 'no log.entries array' }] }
  entries.slice(0, MAX_CALLS).forEach((e, k) => {
    const at = k + 1
    // Only method, url and postData.text are read: headers, cookies and query values stay where they are.
    const request = record(record(e)?.request)
    const method = typeof request?.method === 'string' ? request.method.toUpperCase() : null
    const url = typeof request?.url === 'string' ? request.url : null
    if (method === null || url === null || !/^https?:\/\//i.test(url))
      return void unreadable.push({
        at,
        format: 'har',
        reason: 'the entry has no request method and http(s) URL',
      })
    if (!METHODS.includes(method)) return // OPTIONS, HEAD: preflights and probes, not API calls
    const text = record(request?.postData)?.text
    calls.push({
      method: method as HttpMethod,
      target: withoutQuery(url),
      body: typeof text === 'string' ? text : null,
      at,
      format: 'har',
    })
  })
  return { format: 'har', calls, unreadable }
}

/**
 * Reads the calls an app makes: "METHOD URL" lines, bare URLs, curl commands, or a HAR file (JSON with log.entries).
 * Never throws; text longer than MAX_CALL_LIST_CHARS is refused as a whole.
 */
export function parseCallList(text: string): CallList {
  if (typeof text !== 'string')
    return {
      format: 'lines',
      calls: [],
      unreadable: [{ at: 0, format: 'line', reason: 'the input is not text' }],
    }
  if (text.length > MAX_CALL_LIST_CHARS)
    return {
      format: 'lines',
      calls: [],
      unreadable: [
        { at: 0, format: 'line', reason: `the input is longer than ${MAX_CALL_LIST_CHARS} characters` },
      ],
    }
  const trimmed = text.trimStart()
  if (trimmed.startsWith('{')) {
    let doc: unknown
    try {
      doc = JSON.parse(trimmed)
    } catch {
      return {
        format: 'har',
        calls: [],
        unreadable: [
          { at: 0, format: 'har', reason: 'the input starts with "{" but is not JSON (a HAR file?)' },
        ],
      }
    }
    const r = record(doc)
    if (r !== null) return readHar(r)
  }
  return readLines(text)
}
