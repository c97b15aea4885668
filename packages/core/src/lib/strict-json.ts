import type { JsonObject, JsonValue } from './json.js'
import { boundedText } from './bounded-text.js'

export type StrictJsonResult =
  /** `duplicates`: the paths of the first few repeated members (each shortened); `duplicateCount`: all of them. */
  | { ok: true; value: JsonValue; duplicates: string[]; duplicateCount: number }
  | { ok: false; error: string; position: number }

const MAX_DEPTH = 64
/** Paths named per result: enough to act on, and a message built from them stays small whatever the input. */
export const MAX_DUPLICATE_PATHS = 5
/** Characters of one member name shown in a path (a hostile name may be 250 kB long). */
const MAX_NAME_SHOWN = 40
const MAX_PATH_SHOWN = 120

function showName(name: string): string {
  return name.length <= MAX_NAME_SHOWN ? name : `${name.slice(0, MAX_NAME_SHOWN)}…(${name.length} characters)`
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message)
  }
}

function colonsIn(s: string): number {
  let n = 0
  for (let p = s.indexOf(':'); p >= 0; p = s.indexOf(':', p + 1)) n++
  return n
}

/**
 * Walks a JSON.parse result: its members plus the colons in its strings (keys and values), dropping prototypes as
 * it goes; -1 when a value lies deeper than MAX_DEPTH.
 */
function weigh(value: unknown, depth: number): number {
  if (typeof value === 'string') return colonsIn(value)
  if (typeof value !== 'object' || value === null) return 0
  const array = Array.isArray(value)
  const keys = Object.keys(value)
  if (keys.length > 0 && depth >= MAX_DEPTH) return -1
  let n = array ? 0 : keys.length
  for (const key of keys) {
    const inner = weigh((value as Record<string, unknown>)[key], depth + 1)
    if (inner < 0) return -1
    n += inner + (array ? 0 : colonsIn(key))
  }
  if (!array) Object.setPrototypeOf(value, null)
  return n
}

/**
 * The fast path, for text without a backslash (Entra's tokens): JSON.parse, then proof that the strict parser
 * would return the same value. JSON.parse accepts the same grammar; what it does not do is cap nesting (checked
 * while walking) or see duplicates. Without a backslash there are no escapes, so every string of the text appears
 * verbatim in the result, except in members a duplicate overwrote; and outside strings, valid JSON has exactly one
 * colon per member. So the text's colons equal the result's members plus the colons in its strings exactly when no
 * member was dropped. Undefined whenever the proof does not hold: the strict parser then decides and explains.
 */
function parseCommonJson(text: string): JsonValue | undefined {
  if (text.includes('\\')) return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  return weigh(value, 0) === colonsIn(text) ? (value as JsonValue) : undefined
}

/**
 * RFC 8259 JSON, parsed so that duplicate member names are seen (JSON.parse silently keeps the last one,
 * which lets a display and a verifier disagree about a claim). Objects are built without a prototype, so
 * a member named `__proto__` is plain data. Nesting is capped so hostile input cannot exhaust the stack.
 */
export function parseStrictJson(text: string): StrictJsonResult {
  const common = parseCommonJson(text)
  if (common !== undefined) return { ok: true, value: common, duplicates: [], duplicateCount: 0 }
  return parseStrictJsonExact(text)
}

/**
 * The reference parser, character by character: duplicates counted (the first few named by path) and the position
 * of any error. Linear in the input: a path is built only for a duplicate that will be named, from the stack of
 * names leading to it, never for every member.
 */
export function parseStrictJsonExact(text: string): StrictJsonResult {
  const duplicates: string[] = []
  let duplicateCount = 0
  const names: (string | number)[] = []
  const pathOf = (): string => {
    const path = names
      .map((n, k) => (typeof n === 'number' ? `[${n}]` : `${k === 0 ? '' : '.'}${showName(n)}`))
      .join('')
    return boundedText(path, MAX_PATH_SHOWN)
  }
  let i = 0

  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, i)
  }
  const skipWhitespace = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++
      else break
    }
  }
  const expect = (literal: string): void => {
    if (text.startsWith(literal, i)) i += literal.length
    else fail(`unexpected character at ${i}`)
  }

  const parseString = (): string => {
    i++ // opening quote
    let out = ''
    let start = i
    while (true) {
      if (i >= text.length) fail('unterminated string')
      const c = text.charCodeAt(i)
      if (c === 0x22) {
        out += text.slice(start, i)
        i++
        return out
      }
      if (c < 0x20) fail(`control character in string at ${i}`)
      if (c === 0x5c) {
        out += text.slice(start, i)
        const e = text[i + 1]
        switch (e) {
          case '"':
            out += '"'
            break
          case '\\':
            out += '\\'
            break
          case '/':
            out += '/'
            break
          case 'b':
            out += '\b'
            break
          case 'f':
            out += '\f'
            break
          case 'n':
            out += '\n'
            break
          case 'r':
            out += '\r'
            break
          case 't':
            out += '\t'
            break
          case 'u': {
            const hex = text.slice(i + 2, i + 6)
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail(`bad \\u escape at ${i}`)
            out += String.fromCharCode(parseInt(hex, 16))
            i += 4
            break
          }
          default:
            fail(`bad escape at ${i}`)
        }
        i += 2
        start = i
        continue
      }
      i++
    }
  }

  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
  const parseNumber = (): number => {
    NUMBER.lastIndex = i
    const m = NUMBER.exec(text)
    if (!m || m[0].length === 0 || m[0] === '-') fail(`bad number at ${i}`)
    i += (m as RegExpExecArray)[0].length
    return Number((m as RegExpExecArray)[0])
  }

  const parseValue = (depth: number): JsonValue => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH}`)
    skipWhitespace()
    const c = text[i]
    if (c === '{') {
      i++
      const obj: JsonObject = Object.create(null) as JsonObject
      skipWhitespace()
      if (text[i] === '}') {
        i++
        return obj
      }
      while (true) {
        skipWhitespace()
        if (text[i] !== '"') fail(`expected a member name at ${i}`)
        const key = parseString()
        skipWhitespace()
        if (text[i] !== ':') fail(`expected ':' at ${i}`)
        i++
        names.push(key)
        const value = parseValue(depth + 1)
        if (Object.hasOwn(obj, key)) {
          duplicateCount++
          if (duplicates.length < MAX_DUPLICATE_PATHS) duplicates.push(pathOf())
        }
        names.pop()
        obj[key] = value
        skipWhitespace()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === '}') {
          i++
          return obj
        }
        fail(`expected ',' or '}' at ${i}`)
      }
    }
    if (c === '[') {
      i++
      const arr: JsonValue[] = []
      skipWhitespace()
      if (text[i] === ']') {
        i++
        return arr
      }
      while (true) {
        names.push(arr.length)
        arr.push(parseValue(depth + 1))
        names.pop()
        skipWhitespace()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === ']') {
          i++
          return arr
        }
        fail(`expected ',' or ']' at ${i}`)
      }
    }
    if (c === '"') return parseString()
    if (c === 't') {
      expect('true')
      return true
    }
    if (c === 'f') {
      expect('false')
      return false
    }
    if (c === 'n') {
      expect('null')
      return null
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return parseNumber()
    return fail(i >= text.length ? 'unexpected end of input' : `unexpected character at ${i}`)
  }

  try {
    const value = parseValue(0)
    skipWhitespace()
    if (i !== text.length) fail(`unexpected data after the value at ${i}`)
    return { ok: true, value, duplicates, duplicateCount }
  } catch (err) {
    if (err instanceof JsonSyntaxError) return { ok: false, error: err.message, position: err.position }
    throw err
  }
}
