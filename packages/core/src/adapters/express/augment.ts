// Opt-in typing of `req.auth` for code that reads the Report from the default property:
// `import '@claimcheck/core/express/augment'`. Not imported by `@claimcheck/core/express` itself, so ClaimCheck
// type-checks beside express-oauth2-jwt-bearer, which declares its own `auth` on the same interface (TS2717).
// Without it, read the Report with getAuth(req), whatever requestProperty is.
import type { Report } from '../../report/report.js'

declare global {
  // Express declares its Request in this global namespace; merging `auth` here types `req.auth` in handlers.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The verified token's Report, set by entraAuth() (absent on a CORS preflight or an unauthenticated pass). */
      auth?: Report
    }
  }
}

export {}
