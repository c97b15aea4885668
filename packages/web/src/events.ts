import type { CloudName, PermissionCatalog } from '@claimcheck/core'
import type { InspectSettings } from './state/settings.js'

// Typed events between components: all bubble and cross shadow roots, and carry plain data.

export interface TokenInputDetail {
  value: string
}

export interface SampleLoadedDetail {
  token: string
  settings: Partial<InspectSettings>
}

/** A token acquired by signing in, with the API and operation it was requested for. */
export interface TokenAcquiredDetail {
  token: string
  settings: Partial<InspectSettings>
}

/** What the admin-consent builder is prefilled with when a sign-in shows consent is missing. */
export interface ConsentRequestDetail {
  clientId: string
  tenant: string
  cloud: CloudName
  api: 'mde' | 'm365d' | null
  /** Open the Admin consent view now (the person asked); false: only prefill it. */
  show: boolean
}

/** A catalog the person loaded for their own API, or null when it is forgotten. */
export interface CustomCatalogDetail {
  catalog: PermissionCatalog | null
}

export function emit<K extends keyof ClaimcheckEvents>(
  from: EventTarget,
  type: K,
  detail: ClaimcheckEvents[K],
): void {
  from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }))
}

export interface ClaimcheckEvents {
  /** The token text changed (typing, paste, Clear, a sample, a signed-in token). */
  'token-input': TokenInputDetail
  /** Part of the settings changed. */
  'settings-change': Partial<InspectSettings>
  /** A demo sample was minted. */
  'sample-loaded': SampleLoadedDetail
  /** Sign-in delivered an access token. */
  'token-acquired': TokenAcquiredDetail
  /** The person signed out: a token that sign-in delivered must not stay on screen. */
  'signed-out': Record<string, never>
  /** Consent is missing: open the admin-consent builder, prefilled. */
  'consent-requested': ConsentRequestDetail
  /** The person loaded (or forgot) a catalog for their own API. */
  'custom-catalog': CustomCatalogDetail
}

declare global {
  interface HTMLElementEventMap {
    'token-input': CustomEvent<TokenInputDetail>
    'settings-change': CustomEvent<Partial<InspectSettings>>
    'sample-loaded': CustomEvent<SampleLoadedDetail>
    'token-acquired': CustomEvent<TokenAcquiredDetail>
    'signed-out': CustomEvent<Record<string, never>>
    'consent-requested': CustomEvent<ConsentRequestDetail>
    'custom-catalog': CustomEvent<CustomCatalogDetail>
  }
}
