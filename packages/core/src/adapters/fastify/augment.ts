// Opt-in typing of `request.auth` for code that reads the Report from the default property:
// `import '@claimcheck/core/fastify/augment'`, with `decorateAuth(fastify)` registering the property at start-up.
// Without it, read the Report with getAuth(request), whatever requestProperty is.
import type { Report } from '../../report/report.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified token's Report, set by entraAuth() (absent on a CORS preflight or an unauthenticated pass). */
    auth?: Report | null
  }
}

export {}
