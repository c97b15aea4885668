// Lazily loaded (the "Try a sample" chunk): the demo private key never reaches the paste path's bundle.
import type { InspectSettings } from '../state/settings.js'
import { DEMO_KID, DEMO_SIGNING_KEY } from './demo-signing-key.js'
import type { SampleId } from './sample-list.js'
import { sampleTemplate } from './samples.js'

export interface MintedSample {
  token: string
  settings: Partial<InspectSettings>
}

const encoder = new TextEncoder()

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/(?<!=)=+$/, '')
}

function randomSegment(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(24)))
}

let signingKey: Promise<CryptoKey> | null = null

function demoKey(): Promise<CryptoKey> {
  signingKey ??= crypto.subtle.importKey(
    'jwk',
    DEMO_SIGNING_KEY,
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  return signingKey
}

/** Signs a sample token with the bundled demo key (RS256, as Entra does), its times relative to `now`. */
export async function mintSample(id: SampleId, now: Date): Promise<MintedSample> {
  const template = sampleTemplate(id, Math.floor(now.getTime() / 1000), DEMO_KID, randomSegment)
  const signingInput = `${base64url(encoder.encode(JSON.stringify(template.header)))}.${base64url(encoder.encode(JSON.stringify(template.payload)))}`
  const signature = await crypto.subtle.sign(
    'RSASSA-PKCS1-v1_5',
    await demoKey(),
    encoder.encode(signingInput),
  )
  return { token: `${signingInput}.${base64url(new Uint8Array(signature))}`, settings: template.settings }
}
