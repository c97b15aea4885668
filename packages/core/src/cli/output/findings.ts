import type { Finding, Severity } from '../../findings/finding.js'
import type { Style } from './style.js'
import { fixForSurface } from '../../findings/surface-fixes.js'
import { escapeForTerminal } from './escape.js'
import { hanging } from './text.js'

const SECTIONS: readonly [Severity, string, string, keyof Style][] = [
  ['error', 'Errors', '✗', 'red'],
  ['warning', 'Warnings', '!', 'yellow'],
  ['info', 'Notes', 'i', 'cyan'],
]

/** Findings grouped by severity, most severe first, each with its fix in the CLI's terms. */
export function renderFindings(findings: readonly Finding[], st: Style, columns: number): string[] {
  const out: string[] = []
  for (const [severity, heading, mark, colour] of SECTIONS) {
    const list = findings.filter((f) => f.severity === severity)
    if (list.length === 0) continue
    out.push('', st.bold(`${heading} (${list.length})`))
    for (const f of list) {
      // Messages and fixes may quote the token (a claim value, an issuer): escaped, and wrapped, never cut.
      out.push(`  ${st[colour](`${mark} ${f.code}`)}`)
      out.push(...hanging('      ', 6, escapeForTerminal(f.message), columns, 6))
      const fix = fixForSurface(f, 'cli')
      if (fix !== undefined)
        out.push(...hanging(`      ${st.dim('Fix:')} `, 11, escapeForTerminal(fix), columns, 11))
    }
  }
  return out
}
