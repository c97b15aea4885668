import type { CliIO } from '../io.js'

/** Colour only on a terminal, and never when NO_COLOR is set to anything (https://no-color.org) or TERM is dumb. */
export function useColour(io: CliIO): boolean {
  return io.isTTY && (io.env.NO_COLOR === undefined || io.env.NO_COLOR === '') && io.env.TERM !== 'dumb'
}

export interface Style {
  red: (s: string) => string
  yellow: (s: string) => string
  green: (s: string) => string
  cyan: (s: string) => string
  dim: (s: string) => string
  bold: (s: string) => string
}

/**
 * Colour is the one terminal control the CLI opts in for, and it never travels as a raw ESC: a style writes this
 * mark (a per-process random nonce between two private-use characters) and the writer (writer.ts), after escaping
 * every real control character, turns each mark into the SGR code — or drops it when colour is off. Text from
 * outside cannot forge a mark it cannot guess, so even an unescaped `ESC[32mWORKS` in an error body stays visible.
 */
export const STYLE_MARK = `\ue000${globalThis.crypto.randomUUID().replaceAll('-', '')}\ue001`

const wrap = (open: number, close: number) => (s: string) => `${STYLE_MARK}${open}m${s}${STYLE_MARK}${close}m`

export function makeStyle(colour: boolean): Style {
  if (!colour) {
    const id = (s: string) => s
    return { red: id, yellow: id, green: id, cyan: id, dim: id, bold: id }
  }
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    cyan: wrap(36, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
  }
}
