import type { ClientCredentialsRequest } from './token-request.js'

/*
 * Ready-to-copy code for a client-credentials token request. The secret is read from the CLIENT_SECRET environment
 * variable in every snippet, so none of them ever holds one. Values are quoted for their language even though the
 * builder has validated them: a custom scope is free text.
 */

/** POSIX shell single quotes: nothing inside is expanded. */
function sh(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

/** PowerShell single quotes: a quote is doubled. */
function ps(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

function ts(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

export function buildCurlSnippet(request: ClientCredentialsRequest): string {
  const target = request.version === 'v2' ? `scope=${request.scope}` : `resource=${request.resource}`
  return [
    `curl -sS -X POST ${sh(request.url)} \\`,
    `  --data-urlencode ${sh('grant_type=client_credentials')} \\`,
    `  --data-urlencode ${sh(`client_id=${request.clientId}`)} \\`,
    '  --data-urlencode "client_secret=$CLIENT_SECRET" \\',
    `  --data-urlencode ${sh(target)}`,
    '',
  ].join('\n')
}

export function buildPowerShellSnippet(request: ClientCredentialsRequest): string {
  const target =
    request.version === 'v2'
      ? `  scope         = ${ps(request.scope)}`
      : `  resource      = ${ps(request.resource)}`
  return [
    '$body = @{',
    "  grant_type    = 'client_credentials'",
    `  client_id     = ${ps(request.clientId)}`,
    '  client_secret = $env:CLIENT_SECRET',
    target,
    '}',
    `$response = Invoke-RestMethod -Method Post -Uri ${ps(request.url)} -ContentType 'application/x-www-form-urlencoded' -Body $body`,
    '$token = $response.access_token',
    '',
  ].join('\n')
}

/** MSAL always uses the v2 endpoint, so a v1 request is written with the equivalent `/.default` scope. */
export function buildMsalNodeSnippet(request: ClientCredentialsRequest): string {
  return [
    "import { ConfidentialClientApplication } from '@azure/msal-node'",
    '',
    'const app = new ConfidentialClientApplication({',
    '  auth: {',
    `    clientId: ${ts(request.clientId)},`,
    `    authority: ${ts(request.authority)},`,
    "    clientSecret: process.env.CLIENT_SECRET ?? '',",
    '  },',
    '})',
    '',
    '// MSAL caches the token and returns it until shortly before it expires.',
    `const result = await app.acquireTokenByClientCredential({ scopes: [${ts(request.scope)}] })`,
    'const token = result?.accessToken',
    '',
  ].join('\n')
}
