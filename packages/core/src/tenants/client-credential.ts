import {
  createCertificateSigner,
  type AssertionSigner,
  type CertificateCredential,
} from './certificate-assertion.js'

/** What a federated credential's caller is told, to fetch or mint the assertion for this one request. */
export interface AssertionRequest {
  tenant: string
  clientId: string
  tokenUrl: string
}

/**
 * How the app proves who it is. A client secret; a certificate (signed here with WebCrypto); or a federated
 * credential: an assertion the caller already has (e.g. a workload identity's token) or a function returning one.
 */
export type ClientCredential =
  | { secret: string }
  | { certificate: CertificateCredential }
  | { assertion: string | ((request: AssertionRequest) => string | Promise<string>) }

/** The form fields that authenticate one request; built per request, never stored on a result. */
export type CredentialFields = (request: AssertionRequest, now: Date) => Promise<Record<string, string>>

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

export interface PreparedCredential {
  fields: CredentialFields
  /** Every secret value known up front: scrubbed from any text a result carries. */
  secrets: string[]
}

export async function prepareCredential(credential: ClientCredential): Promise<PreparedCredential> {
  if (typeof credential !== 'object' || credential === null)
    throw new TypeError('checkTenants: credential must be { secret }, { certificate } or { assertion }')
  if ('secret' in credential) {
    const secret = credential.secret
    if (typeof secret !== 'string' || secret.length === 0)
      throw new TypeError('checkTenants: credential.secret is empty')
    return { fields: async () => ({ client_secret: secret }), secrets: [secret] }
  }
  if ('certificate' in credential) {
    const sign: AssertionSigner = await createCertificateSigner(credential.certificate)
    return {
      fields: async (request, now) => ({
        client_assertion_type: JWT_BEARER,
        client_assertion: await sign({ ...request, now }),
      }),
      secrets: [],
    }
  }
  if ('assertion' in credential) {
    const source = credential.assertion
    if (typeof source === 'string') {
      if (source.length === 0) throw new TypeError('checkTenants: credential.assertion is empty')
      return {
        fields: async () => ({ client_assertion_type: JWT_BEARER, client_assertion: source }),
        secrets: [source],
      }
    }
    if (typeof source !== 'function')
      throw new TypeError('checkTenants: credential.assertion must be a string or a function returning one')
    return {
      fields: async (request) => {
        const assertion = await source(request)
        if (typeof assertion !== 'string' || assertion.length === 0) throw new CredentialSourceError()
        return { client_assertion_type: JWT_BEARER, client_assertion: assertion }
      },
      secrets: [],
    }
  }
  throw new TypeError('checkTenants: credential must be { secret }, { certificate } or { assertion }')
}

/** The caller's assertion function returned nothing usable: a credential problem, the same for every tenant. */
export class CredentialSourceError extends Error {
  override readonly name = 'CredentialSourceError'
  constructor() {
    super('the federated credential function returned no assertion')
  }
}
