import { describe, expect, it } from 'vitest'
import { BrowserAuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-browser'
import { describeAuthFailure, isPopupBlocked } from '../../src/auth/auth-errors.js'

describe('sign-in failures', () => {
  it("takes the AADSTS code from Entra's description, without trace and correlation IDs", () => {
    const e = new InteractionRequiredAuthError(
      'invalid_grant',
      'correlation-1',
      'AADSTS65001: The user or administrator has not consented to use the application. Trace ID: 0f0f Correlation ID: 1e1e Timestamp: 2026-01-01 00:00:00Z',
      'consent_required',
    )
    expect(describeAuthFailure(e)).toEqual({
      code: 'AADSTS65001',
      message: 'AADSTS65001: The user or administrator has not consented to use the application.',
    })
    expect(
      describeAuthFailure(
        new ServerError(
          'invalid_client',
          'correlation-2',
          'AADSTS700016: Application with identifier x was not found',
        ),
      ).code,
    ).toBe('AADSTS700016')
    // MSAL's own message, and Entra's error number beside it.
    expect(
      describeAuthFailure(new ServerError('invalid_request', 'correlation-3', undefined, undefined, '90002'))
        .code,
    ).toBe('AADSTS90002')
  })

  it("falls back to MSAL's own error code, and never throws on odd values", () => {
    expect(
      describeAuthFailure(new BrowserAuthError('timed_out', 'correlation-4', 'redirect_bridge_timeout')).code,
    ).toBe('timed_out')
    expect(describeAuthFailure('boom')).toEqual({ code: 'unknown_error', message: 'boom' })
    expect(describeAuthFailure(null).code).toBe('unknown_error')
  })

  it('recognises "no popup could be opened"', () => {
    expect(isPopupBlocked(new BrowserAuthError('empty_window_error', 'c'))).toBe(true)
    expect(isPopupBlocked(new BrowserAuthError('popup_window_error', 'c'))).toBe(true)
    expect(isPopupBlocked(new BrowserAuthError('timed_out', 'c'))).toBe(false)
    expect(isPopupBlocked(undefined)).toBe(false)
  })
})
