import { describe, expect, it } from 'vitest'
import { MsalLog } from '../../src/auth/msal-log.js'

describe('MSAL log sink', () => {
  it('drops messages MSAL flags as containing personal data, before anything else', () => {
    const log = new MsalLog()
    log.callback(0, 'user jane@contoso.com signed in', true)
    log.callback(0, 'interaction_in_progress', false)
    expect(log.take()).toEqual([{ level: 'error', message: 'interaction_in_progress' }])
  })

  it('drops any line that carries something token-shaped, and keeps only errors and warnings', () => {
    const log = new MsalLog()
    log.callback(1, 'cached token eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOi', false)
    log.callback(2, 'info detail', false)
    log.callback(3, 'verbose detail', false)
    log.callback(1, 'authority metadata from network', false)
    expect(log.take()).toEqual([{ level: 'warning', message: 'authority metadata from network' }])
    expect(log.take()).toEqual([])
  })

  it('keeps at most its limit, the newest', () => {
    const log = new MsalLog(2)
    for (const m of ['a', 'b', 'c']) log.callback(1, m, false)
    expect(log.take().map((e) => e.message)).toEqual(['b', 'c'])
  })
})
