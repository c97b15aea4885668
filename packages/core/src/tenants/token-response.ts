import { parseJsonObject } from '../lib/records.js'
/** One answer from a token endpoint, reduced to what the check needs; the token itself lives only until it is judged. */
export type TokenAttempt =
  | { kind: 'token'; accessToken: string }
  | { kind: 'error'; status: number; body: Record<string, unknown> | null; retryAfter: string | null }
  | { kind: 'timeout' }
  | { kind: 'network' }

/** Entra's JSON answers are small; a larger body is not a token endpoint's answer and is not read past this. */
export const MAX_BODY_BYTES = 64 * 1024

export interface TokenPost {
  fetch: typeof fetch
  url: string
  body: URLSearchParams
  timeoutMs: number
  /** Aborts the request when the whole run is abandoned. */
  signal?: AbortSignal
}

/**
 * POSTs one client-credentials request, with a per-request timeout. Never throws: network failures and timeouts
 * are answers too. Error text from fetch is dropped, not passed on: it is not needed, and nothing it says can leak.
 */
export async function postTokenRequest(post: TokenPost): Promise<TokenAttempt> {
  const controller = new AbortController()
  let timedOut = false
  // The deadline ends the body too: an abort alone did not always end a body that never stops (Node 20's fetch).
  let expire: () => void = () => undefined
  const deadline = new Promise<'deadline'>((resolve) => {
    expire = () => resolve('deadline')
  })
  const timer = setTimeout(() => {
    timedOut = true
    expire()
    controller.abort()
  }, post.timeoutMs)
  const onAbort = (): void => controller.abort()
  post.signal?.addEventListener('abort', onAbort, { once: true })
  try {
    const response = await post.fetch(post.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: post.body.toString(),
      signal: controller.signal,
      redirect: 'error',
    })
    const text = await readCapped(response, deadline)
    if (text === 'deadline') return { kind: 'timeout' }
    const body = text === null ? null : parseJsonObject(text)
    if (response.ok) {
      const token = body?.access_token
      if (typeof token === 'string' && token.length > 0) return { kind: 'token', accessToken: token }
      return { kind: 'error', status: response.status, body: null, retryAfter: null }
    }
    return {
      kind: 'error',
      status: response.status,
      body: withoutTokens(body),
      retryAfter: response.headers.get('retry-after'),
    }
  } catch {
    return timedOut ? { kind: 'timeout' } : { kind: 'network' }
  } finally {
    clearTimeout(timer)
    post.signal?.removeEventListener('abort', onAbort)
  }
}

/** An error body keeps only the members that explain it. */
function withoutTokens(body: Record<string, unknown> | null): Record<string, unknown> | null {
  if (body === null) return null
  const { error, error_description: description, error_codes: codes } = body
  return { error, error_description: description, error_codes: codes }
}

/**
 * The body as text, read as a stream: null when it is larger than MAX_BODY_BYTES (no more is pulled), `'deadline'`
 * when the request's deadline passes first. Never throws past the caller's catch.
 */
async function readCapped(
  response: Response,
  deadline: Promise<'deadline'>,
): Promise<string | null | 'deadline'> {
  const stream = response.body
  if (stream === null) return ''
  const reader = stream.getReader()
  const decoder = new TextDecoder()
  let size = 0
  let text = ''
  try {
    for (;;) {
      const step = await Promise.race([reader.read(), deadline])
      if (step === 'deadline') return 'deadline'
      if (step.done) return text + decoder.decode()
      size += step.value.byteLength
      if (size > MAX_BODY_BYTES) return null
      text += decoder.decode(step.value, { stream: true })
    }
  } finally {
    // Not awaited: a body that never ends must not hold the check; cancel tells the stream to stop.
    reader.cancel().catch(() => undefined)
  }
}
