import type { InspectSettings } from './state/settings.js'

// Typed events between components: all bubble and cross shadow roots, and carry plain data.

export interface TokenInputDetail {
  value: string
}

export interface SampleLoadedDetail {
  token: string
  settings: Partial<InspectSettings>
}

export function emit<K extends keyof ClaimcheckEvents>(from: EventTarget, type: K, detail: ClaimcheckEvents[K]): void {
  from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }))
}

export interface ClaimcheckEvents {
  /** The token text changed (typing, paste, Clear, a sample, a signed-in token). */
  'token-input': TokenInputDetail
  /** Part of the settings changed. */
  'settings-change': Partial<InspectSettings>
  /** A demo sample was minted. */
  'sample-loaded': SampleLoadedDetail
}

declare global {
  interface HTMLElementEventMap {
    'token-input': CustomEvent<TokenInputDetail>
    'settings-change': CustomEvent<Partial<InspectSettings>>
    'sample-loaded': CustomEvent<SampleLoadedDetail>
  }
}
