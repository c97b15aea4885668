import type { FindingCode } from './catalogue.js'
import type { Finding } from './finding.js'

/** Where a finding is shown: each surface names its own controls (a flag, a box); the library's are the default. */
export type Surface = 'cli' | 'page'

/**
 * Fixes that depend on the surface. A finding's `fix` (and the catalogue's) is written for the library reader (options); these
 * say the same in the words of the CLI (`--jwks <file>`) and the page ("paste the key set"). Only codes whose fix
 * names a control are here; every other fix reads right everywhere.
 */
export const SURFACE_FIXES: Readonly<
  Partial<Record<FindingCode, Readonly<Partial<Record<Surface, string>>>>>
> = {
  'signature-not-checked': {
    cli: "Run claimcheck inspect without --offline to check it against the tenant's published keys, or pass the key set with --jwks <file>.",
    page: 'Turn on "Check the signature" (the default) to check it against the tenant\'s published keys, or paste the key set.',
  },
  'jwks-unavailable': {
    cli: 'Check network access to the Entra login host, or download the key set (the jwks_uri) and pass it with --jwks <file>.',
    page: 'Open the key set link in the Signature section in another tab (or fetch it with curl) and paste what it returns into the key set box.',
  },
  'operation-unknown': {
    cli: 'List the known operations with claimcheck permissions; check the method and path, or describe the API in a custom catalog (--catalog <file>).',
    page: 'Pick an operation from the suggestions (the API reference lists them all) and check the method and path.',
  },
}

/** The fix to show for a finding on a surface: the surface's own wording when there is one, else the finding's. */
export function fixForSurface(finding: Pick<Finding, 'code' | 'fix'>, surface: Surface): string | undefined {
  return SURFACE_FIXES[finding.code]?.[surface] ?? finding.fix
}
