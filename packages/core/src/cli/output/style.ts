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

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`

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
