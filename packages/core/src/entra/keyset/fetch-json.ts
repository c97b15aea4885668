import { isJsonObject, type JsonObject } from '../../lib/json.js'
import { parseStrictJson } from '../../lib/strict-json.js'
import { boundedText } from '../../lib/bounded-text.js'

/** The subset of the Fetch API the key-set layer uses; `globalThis.fetch` in Node and browsers. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

export interface FetchJsonOptions {
  fetch: FetchLike
  timeoutMs: number
  maxBytes: number
  /** Test option: allow http://127.0.0.1 / localhost / [::1]. Everything else must be https. */
  allowLoopbackHttp: boolean
}

export type FetchJsonResult =
  | { ok: true; value: JsonObject }
  /**
   * `network`: the request itself failed (offline, DNS, or in a browser CORS) rather than the answer being wrong.
   * `tenantUnknown`: Entra answered 400 saying the tenant does not exist (`error_codes` has 90002, or
   * `error` is `invalid_tenant`) — a fact about the token, not an outage.
   */
  | { ok: false; cause: string; network: boolean; tenantUnknown?: true }

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

export function urlAllowed(url: URL, allowLoopbackHttp: boolean): boolean {
  if (url.protocol === 'https:') return url.username === '' && url.password === ''
  return allowLoopbackHttp && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)
}

class Deadline {
  readonly controller = new AbortController()
  private timer: ReturnType<typeof setTimeout> | undefined
  readonly expired: Promise<never>
  /** The wall-clock end: checked in loops too, since a stream that answers in microtasks starves every timer. */
  readonly endsAt: number
  constructor(ms: number) {
    this.endsAt = Date.now() + ms
    // A fetch that ignores its signal must still not hang the caller: every await races this promise.
    this.expired = new Promise<never>((_, reject) => {
      this.timer = setTimeout(() => {
        this.controller.abort()
        reject(new DeadlineError())
      }, ms)
    })
    this.expired.catch(() => undefined)
  }
  race<T>(p: Promise<T>): Promise<T> {
    return Promise.race([p, this.expired])
  }
  clear(): void {
    clearTimeout(this.timer)
  }
}

class DeadlineError extends Error {}

/** Reads of one body: Entra's documents arrive in a handful; a hostile stream of empty chunks must not go on. */
const MAX_READS = 10_000

const failure = (cause: string, network = false): FetchJsonResult => ({ ok: false, cause, network })

async function readCapped(
  response: Response,
  maxBytes: number,
  deadline: Deadline,
): Promise<Uint8Array | string> {
  if (response.body === null) return 'the response has no body'
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  let reads = 0
  try {
    while (true) {
      const { done, value } = await deadline.race(reader.read())
      if (done) break
      // A stream of empty or odd chunks must end too: by type, by count, and by the clock itself.
      if (!(value instanceof Uint8Array)) return 'the response body is not a byte stream'
      if (++reads > MAX_READS) return `the response arrived in more than ${MAX_READS} pieces`
      if (Date.now() > deadline.endsAt) throw new DeadlineError()
      total += value.byteLength
      // Counted as the bytes arrive: a Content-Length that lies (or is absent) changes nothing.
      if (total > maxBytes) return `the response is larger than ${maxBytes} bytes`
      chunks.push(value)
    }
  } finally {
    reader.cancel().catch(() => undefined)
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const c of chunks) {
    out.set(c, offset)
    offset += c.byteLength
  }
  return out
}

function describeError(err: unknown): string {
  const text =
    err instanceof Error ? err.message : typeof err === 'string' ? err : 'a non-Error value was thrown'
  return boundedText(text, 200)
}

function isResponseLike(value: unknown): value is Response {
  if (typeof value !== 'object' || value === null) return false
  const r = value as Partial<Response>
  return (
    typeof r.status === 'number' &&
    (r.body === null || (typeof r.body === 'object' && typeof r.body?.getReader === 'function'))
  )
}

/**
 * GET one JSON document from a metadata or key-set endpoint: https only, no redirects (an Entra endpoint never
 * redirects, so one means the request went somewhere else), a deadline for the whole exchange, a byte cap enforced
 * while streaming, and strict JSON (duplicate members refused). Never throws.
 */
export async function fetchJson(url: string, options: FetchJsonOptions): Promise<FetchJsonResult> {
  try {
    return await fetchJsonOnce(url, options)
  } catch (err) {
    // A hostile or broken fetch (a getter that throws, a body that is not a stream) must end as a failed fetch,
    // with the store's usual backoff, never as an exception out of verify.
    return failure(`the response could not be read (${describeError(err)})`)
  }
}

/** AADSTS90002: "Tenant '…' not found." Entra's discovery answers 400 with it for a tenant that does not exist. */
const TENANT_NOT_FOUND = 90002

/** A 400 from discovery: a tenant Entra does not know, or any other refusal (which stays an outage: 503). */
async function tenantAnswer(
  response: Response,
  maxBytes: number,
  deadline: Deadline,
): Promise<FetchJsonResult> {
  const plain = failure('the server answered HTTP 400')
  let body: Uint8Array | string
  try {
    body = await readCapped(response, maxBytes, deadline)
  } catch {
    return plain
  }
  if (typeof body === 'string') return plain
  let parsed: ReturnType<typeof parseStrictJson>
  try {
    parsed = parseStrictJson(new TextDecoder('utf-8', { fatal: true }).decode(body))
  } catch {
    return plain
  }
  if (!parsed.ok || !isJsonObject(parsed.value)) return plain
  const codes = parsed.value.error_codes
  const unknown =
    parsed.value.error === 'invalid_tenant' || (Array.isArray(codes) && codes.includes(TENANT_NOT_FOUND))
  return unknown
    ? {
        ok: false,
        cause: 'Entra says the tenant does not exist (AADSTS90002)',
        network: false,
        tenantUnknown: true,
      }
    : plain
}

async function fetchJsonOnce(url: string, options: FetchJsonOptions): Promise<FetchJsonResult> {
  let parsedUrl: URL
  try {
    parsedUrl = new URL(url)
  } catch {
    return failure('the URL is not valid')
  }
  if (!urlAllowed(parsedUrl, options.allowLoopbackHttp))
    return failure(`refused to fetch ${parsedUrl.protocol} URL: key sets are fetched over https only`)
  const deadline = new Deadline(options.timeoutMs)
  try {
    let answer: unknown
    try {
      answer = await deadline.race(
        options.fetch(parsedUrl.href, {
          method: 'GET',
          redirect: 'manual',
          signal: deadline.controller.signal,
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
          headers: { accept: 'application/json' },
        }),
      )
    } catch (err) {
      if (err instanceof DeadlineError) return failure(`no answer within ${options.timeoutMs} ms`)
      return failure(`the request failed (${describeError(err)})`, true)
    }
    // An injected fetch may resolve to anything: only a Response-shaped value is read.
    if (!isResponseLike(answer))
      return failure(`fetch resolved to ${answer === null ? 'null' : typeof answer} instead of a Response`)
    const response = answer
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      response.body?.cancel().catch(() => undefined)
      return failure(
        `the server answered with a redirect (${response.status || 'opaque'}); redirects are refused`,
      )
    }
    if (response.status === 400) return await tenantAnswer(response, options.maxBytes, deadline)
    if (response.status !== 200) {
      response.body?.cancel().catch(() => undefined)
      return failure(`the server answered HTTP ${response.status}`)
    }
    let body: Uint8Array | string
    try {
      body = await readCapped(response, options.maxBytes, deadline)
    } catch (err) {
      if (err instanceof DeadlineError) return failure(`no complete answer within ${options.timeoutMs} ms`)
      return failure(`reading the response failed (${describeError(err)})`, true)
    }
    if (typeof body === 'string') return failure(body)
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body)
    } catch {
      return failure('the response is not valid UTF-8')
    }
    const parsed = parseStrictJson(text)
    if (!parsed.ok) return failure(`the response is not JSON (${parsed.error})`)
    if (parsed.duplicates.length > 0)
      return failure(`the response repeats the member ${parsed.duplicates[0]}`)
    if (!isJsonObject(parsed.value)) return failure('the response is not a JSON object')
    return { ok: true, value: parsed.value }
  } finally {
    deadline.clear()
  }
}
