import type { Report } from '../report/report.js'

// Keyed by the request (Express, Fastify) or context (Hono) object, so getAuth works whatever requestProperty is
// and whatever another library (express-jwt, express-oauth2-jwt-bearer) writes to `auth`.
const reports = new WeakMap<object, Report>()

export function rememberAuth(holder: object, report: Report): void {
  reports.set(holder, report)
}

export function recallAuth(holder: object): Report | undefined {
  return reports.get(holder)
}
