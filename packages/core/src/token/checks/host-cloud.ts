import { CLOUDS, type CloudName } from '../../entra/clouds.js'
import { cloudMismatch } from '../../entra/host-cloud.js'
import type { Finding } from '../../findings/finding.js'
import { makeFinding } from '../../findings/make-finding.js'
import { BUILTIN_CATALOG_IDS, builtinCatalog } from '../../permissions/builtin.js'
import { parseOperation, servesHost } from '../../permissions/operation.js'

/**
 * A token sent to an API host of another cloud (issue 22): national clouds do not accept each other's tokens, and
 * GCC, whose hosts are on .us domains, signs in at the public cloud. Judged only for hosts a built-in catalog serves
 * (a custom API's host says nothing about its cloud), from the token's cloud and the operation's URL.
 */
export function checkHostCloud(tokenCloud: CloudName | null, operation: string | undefined): Finding[] {
  if (operation === undefined) return []
  const host = parseOperation(operation)?.host ?? null
  if (host === null) return []
  const known = BUILTIN_CATALOG_IDS.some((id) => {
    const catalog = builtinCatalog(id)
    return catalog !== null && servesHost(catalog, host)
  })
  const mismatch = known ? cloudMismatch(tokenCloud, host) : null
  if (mismatch === null) return []
  const from = CLOUDS[mismatch.tokenCloud]
  return [
    makeFinding(
      'cloud-mismatch',
      `The token was issued by the ${from.label} cloud (${from.authority}), but ${mismatch.host} is a ${mismatch.hostCloud.environment} host whose callers sign in at ${mismatch.authority}.`,
      {
        claim: 'iss',
        expected: mismatch.authority,
        actual: from.authority,
        fix: `Request the token at ${mismatch.authority} (the ${mismatch.hostCloud.environment} sign-in), or call the API host of the token's own cloud.`,
      },
    ),
  ]
}
