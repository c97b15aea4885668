import { FINDING_RULES } from '../../findings/catalogue.js'
import { summarizeVerdict, type Verdict } from '../../token/verdict.js'
import type { Report } from '../../report/report.js'
import { escapeForTerminal } from './escape.js'
import { fixForSurface } from '../../findings/surface-fixes.js'
import type { Style } from './style.js'
import { hanging } from './text.js'

const LABEL: Record<Verdict, string> = { works: 'WORKS', refused: 'REFUSED', undetermined: 'UNDETERMINED' }

/** What to do about an undetermined verdict, in the CLI's own terms. */
function undeterminedHint(report: Report): string | null {
  switch (report.signature.status) {
    case 'not-checked':
      return "run without --offline to check it against the tenant's published keys, or pass --jwks <file>"
    case 'error':
      return 'check network access to the Entra login host, or download the key set and pass it with --jwks <file>'
    case 'unverifiable':
      return 'only the API the token is for can check it; nothing is known to be wrong'
    default:
      return null
  }
}

/**
 * The first line of human output, the same answer the page's banner gives (architecture.md, Verdicts): WORKS only
 * with a verified signature; REFUSED with the deciding finding's fix on the next line; UNDETERMINED with why and
 * what would settle it; the permission verdict (GRANTED / DENIED) follows on the next line when one was asked. Exit codes are unchanged (refused 1, the others 0).
 */
export function renderVerdict(report: Report, st: Style, columns: number, permissionLine: boolean): string[] {
  const { verdict, reason, finding } = summarizeVerdict(report)
  const paint = verdict === 'works' ? st.green : verdict === 'refused' ? st.red : st.yellow
  const label = `${paint(st.bold(LABEL[verdict]))}: `
  const width = LABEL[verdict].length + 2
  const out = hanging(label, width, escapeForTerminal(reason), columns, width)
  // A dated lifecycle is said at once, with its ISO date (operation-retiring / operation-retired).
  const dated = report.findings.find((f) => f.code === 'operation-retiring' || f.code === 'operation-retired')
  if (dated) out.push(...hanging(`  ${st.dim('date:')} `, 8, escapeForTerminal(dated.message), columns, 8))
  // When a permission finding decided and the GRANTED/DENIED line follows, that line carries the fix.
  if (
    verdict === 'refused' &&
    finding !== null &&
    !(permissionLine && FINDING_RULES[finding.code].area === 'permissions')
  ) {
    const fix = fixForSurface(finding, 'cli')
    if (fix !== undefined) out.push(...hanging(`  ${st.dim('fix:')} `, 7, escapeForTerminal(fix), columns, 7))
  }
  const hint = verdict === 'undetermined' ? undeterminedHint(report) : null
  if (hint !== null) out.push(...hanging(`  ${st.dim('next:')} `, 8, hint, columns, 8))
  return out
}
