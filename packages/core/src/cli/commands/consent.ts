import { parseArgs } from 'node:util'
import { buildAdminConsentUrl, isConsentForm } from '../../consent/consent-url.js'
import { isCloudName } from '../../entra/clouds.js'
import { hasErrors } from '../../findings/make-finding.js'
import { withUsageErrors } from '../args.js'
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIO } from '../io.js'
import { renderConsentLink } from '../output/consent.js'
import { toJsonText } from '../output/escape.js'
import { useColour } from '../output/style.js'
import type { Command } from '../run.js'

const USAGE =
  'claimcheck consent --client-id <guid> [--tenant <guid|domain|organizations>] [--cloud public|usgov|china] [--api mde|m365d|graph] [--redirect-uri <url>] [--state <s>] [--form v2|adminconsent|authorize] [--json]'
const APIS = ['mde', 'm365d', 'graph'] as const

export const consentCommand: Command = {
  summary: 'Build an admin-consent link for a customer tenant',
  usage: USAGE,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = withUsageErrors(() =>
      parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: {
          'client-id': { type: 'string' },
          tenant: { type: 'string' },
          cloud: { type: 'string' },
          api: { type: 'string' },
          'redirect-uri': { type: 'string' },
          state: { type: 'string' },
          form: { type: 'string' },
          json: { type: 'boolean' },
        },
      }),
    )
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0] ?? ''}"`)
    const clientId = values['client-id']
    if (clientId === undefined) throw new UsageError('--client-id is required')
    const cloud = values.cloud ?? 'public'
    if (!isCloudName(cloud)) throw new UsageError(`--cloud: "${cloud}" is not one of public, usgov, china`)
    const form = values.form ?? 'v2'
    if (!isConsentForm(form))
      throw new UsageError(`--form: "${form}" is not one of v2, adminconsent, authorize`)
    const api = values.api ?? 'mde'
    if (!(APIS as readonly string[]).includes(api))
      throw new UsageError(`--api: "${api}" is not one of ${APIS.join(', ')}`)

    const link = buildAdminConsentUrl({
      clientId,
      cloud,
      form,
      api: api as (typeof APIS)[number],
      ...(values.tenant !== undefined ? { tenant: values.tenant } : {}),
      ...(values['redirect-uri'] !== undefined ? { redirectUri: values['redirect-uri'] } : {}),
      ...(values.state !== undefined ? { state: values.state } : {}),
    })
    const invalid = hasErrors(link.findings)
    if (values.json) io.stdout(toJsonText(link))
    else if (!invalid) io.stdout(renderConsentLink(link, useColour(io)))
    if (invalid) {
      // Invalid input is a usage error: say which value is wrong, exit 2.
      for (const f of link.findings.filter((x) => x.severity === 'error'))
        io.stderr(`claimcheck consent: ${f.code}: ${f.message}\n`)
      return EXIT_USAGE
    }
    return EXIT_OK
  },
}
