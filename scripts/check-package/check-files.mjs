/* global process, console */
// Every file the packed package.json points at must be in the tarball: each condition of each export and import
// (including `source`), bin, and the LICENSE and README a registry page shows.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = process.argv[2]
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
const targets = []
const walk = (value, where) => {
  // Subpath patterns (`./*`) name no single file; the imports of each subpath check what they resolve to.
  if (typeof value === 'string') {
    if (!value.includes('*')) targets.push([where, value])
  } else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) walk(v, `${where} ${k}`)
}
walk(pkg.exports, 'exports')
walk(pkg.imports, 'imports')
walk(pkg.bin, 'bin')
targets.push(['license', './LICENSE'], ['readme', './README.md'])
const missing = targets.filter(([, file]) => !existsSync(join(dir, file)))
for (const [where, file] of missing) console.error(`missing from the tarball: ${file} (${where})`)
for (const dep of Object.values(pkg.dependencies ?? {})) {
  if (!/^(catalog|workspace):/.test(dep)) continue
  missing.push(['dependencies', dep])
  console.error(`unresolved dependency range: ${dep}`)
}
if (missing.length > 0) process.exit(1)
console.log(
  `${targets.length} package.json targets present; dependencies resolved (${Object.keys(pkg.dependencies ?? {}).join(', ')})`,
)
