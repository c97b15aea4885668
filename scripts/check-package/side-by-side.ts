// ClaimCheck beside express-oauth2-jwt-bearer, which declares `auth` on Express's global Request (its AuthResult):
// without the opt-in augment import, ClaimCheck declares nothing there, so the two type-check together (before,
// TS2717: "Subsequent property declarations must have the same type"). getAuth(req) reads ClaimCheck's Report
// whatever the property, here written to req.claimcheck.
import { createVerifier, type Report } from '@claimcheck/core'
import { entraAuth, getAuth, requireScopes } from '@claimcheck/core/express'
import express from 'express'
import { auth, requiredScopes } from 'express-oauth2-jwt-bearer'

const app = express()
app.get(
  '/auth0',
  auth({ issuerBaseURL: 'https://tenant.example', audience: 'api://orders' }),
  requiredScopes('read'),
  (req, res) => {
    res.json({ sub: req.auth?.payload.sub ?? null })
  },
)
const verifier = createVerifier({
  audience: 'api://orders',
  tenants: ['72f988bf-86f1-41af-91ab-2d7cd011db47'],
})
app.get(
  '/entra',
  entraAuth({ verifier, requestProperty: 'claimcheck', checks: [requireScopes(['Orders.Read'])] }),
  (req, res) => {
    const report: Report | undefined = getAuth(req)
    res.json({ verdict: report?.verdict ?? null })
  },
)
export { app }
