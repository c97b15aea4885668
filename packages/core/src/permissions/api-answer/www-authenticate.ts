/** One RFC 7235 challenge from a WWW-Authenticate header (the first Bearer or PoP one). */
export interface AuthChallenge {
  scheme: string
  /** Auth-params, names lower-cased, quoted values unescaped. */
  params: Readonly<Record<string, string>>
}

/** The header's value when the text is a WWW-Authenticate header (with or without its name), else null. */
export function challengeText(text: string): string | null {
  const named = /(?:^|[\r\n])[ \t]*www-authenticate[ \t]*[:=][ \t]*"?((?:Bearer|PoP)\b[^\r\n]*)/i.exec(text)
  if (named) return named[1] as string
  // One [ \t] after the scheme, not [ \t]+ before [^\r\n]*: the two would trade blanks (polynomial backtracking).
  const bare = /^((?:Bearer|PoP)(?:[ \t][^\r\n]*)?)$/i.exec(text.replace(/^[ \t]+/, ''))
  // A bare "Bearer eyJ…" is an Authorization header, not a challenge: a challenge has auth-params (name=value).
  if (bare && (/^\S+\s*$/.test(bare[1] as string) || /=/.test(bare[1] as string))) return bare[1] as string
  return null
}

/** Parses the first challenge's auth-params (`name="value"` or `name=token`, comma-separated). */
export function parseChallenge(value: string): AuthChallenge {
  const scheme = (/^\s*(\S+)/.exec(value)?.[1] ?? '').replace(/,$/, '')
  const params: Record<string, string> = Object.create(null) as Record<string, string>
  // A name starts after a character that cannot be part of one: tried from inside a long name, `[\w.-]*` would
  // rescan the rest of it at every position (quadratic; seconds for 64 KB).
  const re = /(?<![\w.-])([A-Za-z_][\w.-]*)[ \t]*=[ \t]*("(?:[^"\\]|\\.)*"|[^\s,]*)/g
  const rest = value.slice(value.indexOf(scheme) + scheme.length)
  let m: RegExpExecArray | null
  let count = 0
  while ((m = re.exec(rest)) !== null && count < 32) {
    const name = (m[1] as string).toLowerCase()
    // A second challenge (", PoP realm=…") starts over: keep the first challenge's values.
    if (name in params) break
    const raw = m[2] as string
    params[name] = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw
    count++
  }
  return { scheme, params }
}
