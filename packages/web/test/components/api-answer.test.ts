// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import '../../src/components/api-answer/api-answer.js'
import type { CcApiAnswer } from '../../src/components/api-answer/api-answer.js'
import { $, mount } from '../support/render.js'

afterEach(() => document.body.replaceChildren())

// The formats the core tests collect with their sources (packages/core/test/permissions/api-answer/fixtures.ts).
const GRAPH_403 =
  '{"error":{"code":"Forbidden","message":"Missing application roles. API required roles: SecurityIncident.Read.All,SecurityIncident.ReadWrite.All, application roles: .","innerError":{}}}'
const MDE_403 =
  "{'code': 'Forbidden', 'message': 'The application does not have any of the required application permissions (Machine.Read.All, Machine.ReadWrite.All) to access the resource.'}"
const SCOPES_403 =
  "Missing scope permissions on the request. API requires one of 'ChannelMessage.Send, Group.ReadWrite.All'. Scopes on the request 'User.Read'"
const CHALLENGE =
  'WWW-Authenticate: Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"'
const GRAPH_401 =
  '{"error":{"code":"InvalidAuthenticationToken","message":"Access token validation failure. Invalid audience."}}'

const TENANT = '4f8c2a1e-9b7d-4c3e-8a5f-1d2e3f4a5b6c'
const CLIENT = '0c6b3e5a-7f1d-4e2a-9c8b-5d4e3f2a1b0c'
const NOW = 1_717_000_000
const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
const TOKEN = [
  b64({ typ: 'JWT', alg: 'RS256', kid: 'k' }),
  b64({
    aud: 'https://api.securitycenter.microsoft.com',
    iss: `https://sts.windows.net/${TENANT}/`,
    iat: NOW - 60,
    nbf: NOW - 60,
    exp: NOW + 3000,
    appid: CLIENT,
    idtyp: 'app',
    oid: 'b8e5c3d1-2a4f-4e6b-9c7d-8e9f0a1b2c3d',
    sub: 'b8e5c3d1-2a4f-4e6b-9c7d-8e9f0a1b2c3d',
    tid: TENANT,
    ver: '1.0',
    roles: ['Machine.StopAndQuarantine'],
  }),
  'c2ln',
].join('.')

async function paste(el: CcApiAnswer, text: string): Promise<void> {
  const area = $(el, 'textarea') as HTMLTextAreaElement
  area.value = text
  area.dispatchEvent(new Event('input'))
  await el.updateComplete
}

describe('<api-answer>', () => {
  it.each([
    ['Graph missing application roles', GRAPH_403, 'missing-application-roles'],
    ['MDE missing application permissions', MDE_403, 'missing-required-permissions'],
    ['Graph missing delegated scope', SCOPES_403, 'missing-scope-permissions'],
    ['a WWW-Authenticate challenge', CHALLENGE, 'www-authenticate'],
    ['Graph 401', GRAPH_401, 'invalid-authentication-token'],
  ])('recognises %s', async (_name, text, form) => {
    const el = await mount<CcApiAnswer>('api-answer')
    await paste(el, text)
    const result = $(el, '[data-recognized]')
    expect(result?.getAttribute('data-recognized')).toBe('true')
    expect(result?.getAttribute('data-form')).toBe(form)
    expect($(el, 'li')).not.toBeNull()
  })

  it('shows what the API needs and what the token had', async () => {
    const el = await mount<CcApiAnswer>('api-answer')
    await paste(el, GRAPH_403)
    expect($(el, '[data-field="required"]')?.textContent).toBe(
      'SecurityIncident.Read.All, SecurityIncident.ReadWrite.All',
    )
    expect($(el, '[data-field="token-had"]')?.textContent).toBe('none')
    expect($(el, '[data-field="add"]')).toBeNull()
  })

  it("with the page's token: the permission to add and the consent link for its tenant", async () => {
    const el = await mount<CcApiAnswer>('api-answer', { token: TOKEN, now: new Date(NOW * 1000) })
    await paste(el, MDE_403)
    expect($(el, '[data-field="add"]')?.textContent).toContain('Machine.Read.All (application permission)')
    expect($(el, '[data-field="consent"]')?.getAttribute('href')).toBe(
      `https://login.microsoftonline.com/${TENANT}/adminconsent?client_id=${CLIENT}`,
    )
  })

  it('says plainly when it does not recognise the text, and tells the page either way', async () => {
    const el = await mount<CcApiAnswer>('api-answer')
    const seen: { recognized: boolean }[] = []
    el.addEventListener('api-answer-explained', (e) => seen.push(e.detail))
    await paste(el, 'hello')
    expect($(el, '[data-recognized]')?.getAttribute('data-recognized')).toBe('false')
    await paste(el, GRAPH_403)
    expect(seen.map((d) => d.recognized)).toEqual([false, true])
  })

  it('is labelled and announces results politely', async () => {
    const el = await mount<CcApiAnswer>('api-answer')
    const area = $(el, 'textarea') as HTMLTextAreaElement
    expect($(el, `label[for="${area.id}"]`)).not.toBeNull()
    expect($(el, '[role="status"]')?.getAttribute('aria-live')).toBe('polite')
  })
})
