import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { MDE_CATALOG, parseCatalog } from '../../src/index.js'

// No JSON Schema validator is a dependency; these checks keep the shipped schema and parseCatalog describing the same format.
const schema = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../schema/catalog.schema.json', import.meta.url)), 'utf8'),
) as {
  required: string[]
  properties: Record<string, unknown>
  $defs: {
    permission: { properties: Record<string, unknown> }
    operation: { properties: Record<string, unknown> }
  }
}
const base = JSON.parse(JSON.stringify(MDE_CATALOG)) as Record<string, unknown> & {
  permissions: Record<string, unknown>[]
  operations: Record<string, unknown>[]
}
// Nothing is left out: every field of the built-in catalog is compared (catalog-round-trip.property.test.ts compares
// the schema and the validator field by field).

describe('catalog.schema.json', () => {
  it('requires what parseCatalog requires', () => {
    for (const key of schema.required) {
      const copy: Record<string, unknown> = { ...base }
      delete copy[key]
      expect(parseCatalog(copy).ok, key).toBe(false)
    }
  })

  it('allows exactly the properties parseCatalog accepts', () => {
    const unknownProp = (errors: string[]) => errors.filter((e) => e.includes('unknown property'))
    for (const key of Object.keys(schema.properties))
      expect(unknownProp(parseCatalog({ ...base, [key]: base[key] }).errors), key).toEqual([])
    expect(unknownProp(parseCatalog({ ...base, notInSchema: 1 }).errors)).toHaveLength(1)
    const p = base.permissions[0] as Record<string, unknown>
    for (const key of Object.keys(schema.$defs.permission.properties))
      expect(
        Object.keys(p).every((k) => k in schema.$defs.permission.properties),
        key,
      ).toBe(true)
    for (const op of base.operations)
      for (const k of Object.keys(op)) expect(k in schema.$defs.operation.properties, k).toBe(true)
  })
})
