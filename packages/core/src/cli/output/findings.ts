import type { Finding, Severity } from '../../findings/finding.js'
import type { Style } from './style.js'
import { safeText } from './text.js'

const SECTIONS: readonly [Severity, string, string, keyof Style][] = [
  ['error', 'Errors', '✗', 'red'],
  ['warning', 'Warnings', '!', 'yellow'],
  ['info', 'Notes', 'i', 'cyan'],
]

/** Findings grouped by severity, most severe first, each with its fix. */
export function renderFindings(findings: readonly Finding[], st: Style): string[] {
  const out: string[] = []
  for (const [severity, heading, mark, colour] of SECTIONS) {
    const list = findings.filter((f) => f.severity === severity)
    if (list.length === 0) continue
    out.push('', st.bold(`${heading} (${list.length})`))
    for (const f of list) {
      out.push(`  ${st[colour](`${mark} ${f.code}`)}  ${safeText(f.message)}`)
      if (f.fix !== undefined) out.push(`      ${st.dim('Fix:')} ${safeText(f.fix)}`)
    }
  }
  return out
}
