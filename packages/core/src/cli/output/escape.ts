// The one gate between token- or URL-derived text and the terminal. A claim, a kid, a redirect's error or state is
// text chosen by whoever made the token or the URL; printed raw, ESC and OSC sequences could set the window title,
// clear the screen or paint a fake "WORKS", C1 controls (U+0080–U+009F, e.g. U+009B, a one-byte CSI on some
// terminals) do the same without an ESC, and bidirectional controls reorder what the reader sees.

// C0 controls (ESC, BEL, CR, …), DEL, C1 controls, the line/paragraph separators, and every bidi control (ALM, LRM,
// RLM, the embeddings/overrides U+202A–U+202E and the isolates U+2066–U+2069).
const TERMINAL_UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu

/**
 * One unsafe character as visible text, `\u001b`: JSON's own escape, so the same text is right in human output and
 * inside a JSON string (every unsafe character is in the Basic Multilingual Plane: four hex digits always suffice).
 */
export function escapeCharacter(c: string): string {
  return `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`
}

/** Shows each unsafe character visibly as `\u001b`: nothing the token says can drive the terminal. */
export function escapeForTerminal(text: string): string {
  return text.replace(TERMINAL_UNSAFE, escapeCharacter)
}

// JSON.stringify escapes C0 controls only. C1, DEL, bidi controls and U+2028/9 are legal raw in JSON strings, but a
// person who pipes --json to a terminal (or to jq) would get them raw; as \u escapes they mean the same to a parser.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu

/** JSON text (2-space indent, newline-terminated) in which C1, DEL and bidi characters are \u escapes. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(JSON_UNSAFE, escapeCharacter)}\n`
}
