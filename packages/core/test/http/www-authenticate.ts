/**
 * A strict parser of `WWW-Authenticate` (RFC 7235 §4.1, §2.1; RFC 9110 §11.6.1):
 *
 *   WWW-Authenticate = 1#challenge
 *   challenge  = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
 *   auth-param = token BWS "=" BWS ( token / quoted-string )
 *
 * Used by the HTTP matrix tests to read answers as a client would, instead of matching strings. Throws on anything
 * the grammar does not allow (a test helper: a throw is a failed test).
 */
export interface Challenge {
  scheme: string
  /** Parameter names lower-cased (they are case-insensitive); values unquoted. */
  params: Record<string, string>
  token68: string | null
}

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/

class Reader {
  i = 0
  constructor(readonly s: string) {}
  get done(): boolean {
    return this.i >= this.s.length
  }
  peek(): string {
    return this.s[this.i] ?? ''
  }
  ows(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.i++
  }
  token(): string {
    const start = this.i
    while (!this.done && TCHAR.test(this.peek())) this.i++
    if (this.i === start) throw new SyntaxError(`token expected at ${start} in ${JSON.stringify(this.s)}`)
    return this.s.slice(start, this.i)
  }
  quoted(): string {
    if (this.peek() !== '"') throw new SyntaxError(`quoted-string expected at ${this.i}`)
    this.i++
    let out = ''
    while (!this.done && this.peek() !== '"') {
      let c = this.peek()
      if (c === '\\') {
        this.i++
        c = this.peek()
      }
      const code = c.charCodeAt(0)
      if (code < 0x20 && c !== '\t') throw new SyntaxError(`control character in quoted-string at ${this.i}`)
      if (code === 0x7f) throw new SyntaxError(`DEL in quoted-string at ${this.i}`)
      out += c
      this.i++
    }
    if (this.peek() !== '"') throw new SyntaxError('unterminated quoted-string')
    this.i++
    return out
  }
}

export function parseWwwAuthenticate(header: string): Challenge[] {
  const r = new Reader(header)
  const challenges: Challenge[] = []
  r.ows()
  while (!r.done) {
    const scheme = r.token()
    const challenge: Challenge = { scheme, params: {}, token68: null }
    challenges.push(challenge)
    if (r.done) break
    if (r.peek() === ',') {
      r.i++
      r.ows()
      continue
    }
    if (r.peek() !== ' ') throw new SyntaxError(`SP expected after the scheme at ${r.i}`)
    while (r.peek() === ' ') r.i++
    // token68, or the first auth-param: look ahead for "=" after a token.
    const save = r.i
    let rest = ''
    while (!r.done && r.peek() !== ',') rest += r.s[r.i++]
    const trimmed = rest.trim()
    if (TOKEN68.test(trimmed) && !/^[^=]+=[^=]/.test(trimmed)) {
      challenge.token68 = trimmed
    } else {
      r.i = save
      for (;;) {
        const name = r.token().toLowerCase()
        r.ows()
        if (r.peek() !== '=') throw new SyntaxError(`"=" expected at ${r.i}`)
        r.i++
        r.ows()
        const value = r.peek() === '"' ? r.quoted() : r.token()
        if (Object.hasOwn(challenge.params, name)) throw new SyntaxError(`parameter ${name} repeated`)
        challenge.params[name] = value
        r.ows()
        if (r.done) break
        if (r.peek() !== ',') throw new SyntaxError(`"," expected at ${r.i}`)
        // A comma ends this parameter; what follows is another parameter, or the next challenge's scheme.
        const afterComma = r.i + 1
        r.i = afterComma
        r.ows()
        const probe = r.i
        const name2 = (() => {
          try {
            return r.token()
          } catch {
            return null
          }
        })()
        r.ows()
        const isParam = name2 !== null && r.peek() === '='
        r.i = isParam ? probe : probe
        if (!isParam) break
      }
    }
    r.ows()
    if (r.peek() === ',') {
      r.i++
      r.ows()
    }
  }
  if (challenges.length === 0) throw new SyntaxError('no challenge')
  return challenges
}
