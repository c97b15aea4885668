// Real-shaped v1 Entra access tokens (claims as the Defender APIs receive them); the signature is a dummy.
export const TENANT = '4f8c2a1e-9b7d-4c3e-8a5f-1d2e3f4a5b6c'
export const CLIENT = '0c6b3e5a-7f1d-4e2a-9c8b-5d4e3f2a1b0c'
export const NOW = 1_717_000_000
export const MDE_AUD = 'https://api.securitycenter.microsoft.com'
export const M365D_AUD = 'https://api.security.microsoft.com'

const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url')

export function jwt(payload: Record<string, unknown>): string {
  return `${b64({ typ: 'JWT', alg: 'RS256', x5t: 'kid-1', kid: 'kid-1' })}.${b64(payload)}.${Buffer.from('signature').toString('base64url')}`
}

export function appOnlyClaims(roles: unknown, aud = MDE_AUD): Record<string, unknown> {
  return {
    aud,
    iss: `https://sts.windows.net/${TENANT}/`,
    iat: NOW - 60,
    nbf: NOW - 60,
    exp: NOW + 3540,
    aio: 'E2NgYNh',
    app_displayname: 'Contoso SOC automation',
    appid: CLIENT,
    appidacr: '1',
    idp: `https://sts.windows.net/${TENANT}/`,
    idtyp: 'app',
    oid: 'b8e5c3d1-2a4f-4e6b-9c7d-8e9f0a1b2c3d',
    rh: '0.AXkA',
    ...(roles === undefined ? {} : { roles }),
    sub: 'b8e5c3d1-2a4f-4e6b-9c7d-8e9f0a1b2c3d',
    tid: TENANT,
    uti: 'ZkXq',
    ver: '1.0',
  }
}

export function delegatedClaims(scp: unknown, aud = MDE_AUD): Record<string, unknown> {
  return {
    aud,
    iss: `https://sts.windows.net/${TENANT}/`,
    iat: NOW - 60,
    nbf: NOW - 60,
    exp: NOW + 3540,
    acr: '1',
    aio: 'AVQAq',
    amr: ['pwd', 'mfa'],
    app_displayname: 'Contoso SOC console',
    appid: CLIENT,
    appidacr: '0',
    family_name: 'Analyst',
    given_name: 'Ada',
    idtyp: 'user',
    ipaddr: '203.0.113.7',
    name: 'Ada Analyst',
    oid: '3c2b1a09-8f7e-4d6c-5b4a-392817060504',
    rh: '0.AXkA',
    ...(scp === undefined ? {} : { scp }),
    sub: 'kQ1x',
    tid: TENANT,
    unique_name: 'ada@contoso.example',
    upn: 'ada@contoso.example',
    uti: 'Yq2',
    ver: '1.0',
  }
}

export const at = { now: new Date(NOW * 1000) }
