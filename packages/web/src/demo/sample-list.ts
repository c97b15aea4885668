// The labels of "Try a sample": in the entry bundle (buttons need them); the tokens are minted by the lazy chunk.
export type SampleId = 'healthy' | 'expired' | 'missing-role' | 'graph' | 'cross-tenant'

export interface SampleInfo {
  id: SampleId
  label: string
  /** What the sample shows, in one sentence. */
  description: string
}

export const SAMPLES: readonly SampleInfo[] = [
  {
    id: 'healthy',
    label: 'Healthy app-only Defender token',
    description: 'Has Machine.Isolate for POST /api/machines/{id}/isolate: should work.',
  },
  {
    id: 'expired',
    label: 'Expired token',
    description: 'The same token, issued three hours ago: the API answers 401.',
  },
  {
    id: 'missing-role',
    label: 'Token missing a role',
    description: 'Carries Machine.Read.All only, so isolating a machine is refused (403).',
  },
  {
    id: 'graph',
    label: 'Microsoft Graph token',
    description: 'A Graph token sent to Defender: wrong audience, and nobody but Graph can verify it.',
  },
  {
    id: 'cross-tenant',
    label: 'Token from another tenant',
    description: 'Issued by Fabrikam while only Contoso is allowed.',
  },
]
