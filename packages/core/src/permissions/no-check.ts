import type { PermissionReport } from '../report/report.js'

/** The permission part of a Report when nothing was asked. */
export const NO_PERMISSION_CHECK: PermissionReport = Object.freeze({
  required: [],
  satisfied: null,
  granted: [],
  missing: [],
  context: null,
  operation: null,
  api: null,
  anyOf: [],
  allOf: [],
  source: null,
}) as PermissionReport
