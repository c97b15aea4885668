/**
 * The comparison key of a permission name: ordinal, ASCII case-insensitive, nothing else. Entra compares app-role
 * and scope values without regard to ASCII case; `toLowerCase()` would also fold non-ASCII letters (U+212A KELVIN
 * SIGN becomes `k`, U+0130 becomes `i̇`), so a lookalike name could match a real one. Only A-Z are folded here.
 */
export function nameKey(name: string): string {
  let upper = false
  let ascii = true
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i)
    if (c >= 0x41 && c <= 0x5a) upper = true
    else if (c > 0x7f) ascii = false
  }
  if (!upper) return name
  // For ASCII text, toLowerCase folds exactly A-Z (and is fast); anything else is folded by hand.
  if (ascii) return name.toLowerCase()
  let out = ''
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i)
    out += c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : name[i]
  }
  return out
}

/** Two permission names are the same permission (see nameKey). */
export function sameName(a: string, b: string): boolean {
  return a.length === b.length && nameKey(a) === nameKey(b)
}

/**
 * A permission value as Entra writes it into `roles` or `scp`: 1-200 printable ASCII characters, no space (scp is
 * space-separated). Anything else (a lookalike letter, a control character) can never be granted.
 */
export function isPermissionName(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= 200 && /^[\x21-\x7e]+$/.test(v)
}
