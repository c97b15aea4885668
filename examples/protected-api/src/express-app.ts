import type { Verifier } from '@claimcheck/core'
import { entraAuth, getAuth } from '@claimcheck/core/express'
import express, { type Express } from 'express'
import { ORDERS_CATALOG } from './catalog.js'
import { orderBody, refundBody } from './orders.js'

/**
 * Express 5: one router, protected as a whole from the catalog and mounted twice (/api and /v2/api) to show that
 * 'from-request' matches the path below the mount point. /me needs only a good token; /health is public. One
 * verifier serves every route: it holds the key-set cache. getAuth(req) reads the Report without a global type
 * augmentation (`import '@claimcheck/core/express/augment'` types `req.auth` instead).
 */
export function createExpressApp(verifier: Verifier): Express {
  const app = express()
  app.disable('x-powered-by')
  const api = express.Router()
  api.use(entraAuth({ verifier, requirement: 'from-request', catalog: ORDERS_CATALOG }))
  api.get('/orders', (req, res) => {
    res.json([orderBody('1', getAuth(req))])
  })
  api.get('/orders/:id', (req, res) => {
    res.json(orderBody(req.params.id, getAuth(req)))
  })
  api.post('/orders/:id/refund', (req, res) => {
    res.json(refundBody(req.params.id, getAuth(req)))
  })
  // A route the catalog does not list: the middleware refuses it (403) before this handler could run.
  api.get('/admin/export', (_req, res) => {
    res.json({ exported: true })
  })
  app.use('/api', api)
  app.use('/v2/api', api)
  app.get('/me', entraAuth({ verifier }), (req, res) => {
    res.json({ caller: getAuth(req)?.token?.appId ?? null })
  })
  app.get('/health', (_req, res) => {
    res.json({ ok: true })
  })
  return app
}
