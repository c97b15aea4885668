// The public half of the DEMO signing key (demo-signing-key.ts): the key set that verifies "Try a sample" tokens.
// Labelled as a demo wherever it is shown; no Entra tenant publishes it.
export const DEMO_JWKS: { keys: (JsonWebKey & { kid: string })[] } = {
  keys: [
    {
      kty: 'RSA',
      use: 'sig',
      kid: 'claimcheck-demo-key-1',
      alg: 'RS256',
      n: 'sL_HGExUKkO2PMA7TpjZE8iVoM6GPBePu6SAeFLJs_aR7hmeqo1hhgosVFAIgu_pfVV8QkZE3LYxzvwlliIp5YEF0ikMCFr9PtnHDy7lk9y4b3ADNdo1dl-OGz-d4--OpgwaM3mhRCcAtQU9nkvx5wvmvIAZ2a-zOrtWhh2kZQAqdP9voXwIoDCtZszmtTtLf609do9XtwHPh72Y8E7ZIY_9_fQ86wFI8mZMZrQhQl4EF9bNdAWNG-UUcxYCqpE54-NeGM35s3UcdAZOkOmBwz53AU6AgyAOeOvmuEx-TDy2J95Ugv4F-9Db5o0FujNT7UV5aVkm0kbgDO9pGmLdAw',
      e: 'AQAB',
    },
  ],
}
