import { randomBytes, randomUUID } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { exportJWK, generateKeyPair, type JWK } from 'jose'
import { isGuid } from '../../entra/clouds.js'
import { createTestTenant, type TestTenant } from '../../testing/test-tenant.js'
import { UsageError } from '../io.js'

/**
 * What `claimcheck kit serve` and `kit mint` share through one file: the test tenant's ID, its default client, that
 * client's secret for the token endpoint, and the private signing key. Tokens minted by one process verify against
 * keys served by another, and across restarts. The file is a test credential: it is written readable by its owner
 * only, and it signs tokens only this test tenant's issuer names.
 */
export interface KitState {
  tenantId: string
  clientId: string
  clientSecret: string
  signingKey: JWK
}

export const DEFAULT_KIT_FILE = 'claimcheck-kit.json'
const FILE_LIMIT = 64 * 1024

function parseState(text: string, file: string): KitState {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new UsageError(`${file} is not JSON (a kit keys file is written by claimcheck kit serve or mint)`)
  }
  const v = value as Partial<KitState> | null
  if (
    typeof v !== 'object' ||
    v === null ||
    !isGuid(v.tenantId) ||
    !isGuid(v.clientId) ||
    typeof v.clientSecret !== 'string' ||
    typeof v.signingKey !== 'object' ||
    v.signingKey === null
  )
    throw new UsageError(`${file} is not a kit keys file (tenantId, clientId, clientSecret, signingKey)`)
  return {
    tenantId: v.tenantId,
    clientId: v.clientId,
    clientSecret: v.clientSecret,
    signingKey: v.signingKey,
  }
}

/** Loads the keys file, or creates it (mode 0600) when it does not exist yet. */
export async function loadOrCreateState(
  file: string,
  tenantId: string | undefined,
): Promise<{ state: KitState; created: boolean }> {
  let text: string | null = null
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`cannot read ${file}`)
  }
  if (text !== null) {
    if (text.length > FILE_LIMIT) throw new UsageError(`${file} is larger than a kit keys file can be`)
    const state = parseState(text, file)
    if (tenantId !== undefined && tenantId.toLowerCase() !== state.tenantId)
      throw new UsageError(
        `--tenant ${tenantId} differs from the tenant saved in ${file} (${state.tenantId})`,
      )
    return { state, created: false }
  }
  if (tenantId !== undefined && !isGuid(tenantId)) throw new UsageError('--tenant must be a GUID')
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true })
  const state: KitState = {
    tenantId: (tenantId ?? randomUUID()).toLowerCase(),
    clientId: randomUUID(),
    clientSecret: randomBytes(24).toString('base64url'),
    signingKey: await exportJWK(privateKey),
  }
  // 'wx': never overwrite a file another process created meanwhile.
  await writeFile(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600, flag: 'wx' })
  return { state, created: true }
}

export function tenantFromState(state: KitState): Promise<TestTenant> {
  return createTestTenant({
    tenantId: state.tenantId,
    clientId: state.clientId,
    signingKey: state.signingKey,
  })
}
