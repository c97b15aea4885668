import { describe, expect, it } from 'vitest'
import { readPermissionName } from '../../src/components/capabilities-view/carried-permissions.js'
import { readCatalogText } from '../../src/components/custom-catalog/custom-catalog.js'
import { insertedAtOnce } from '../../src/components/inspect-view/inspect-view.js'

describe('readPermissionName: what a permission name says without a catalog', () => {
  it('reads the documented Resource.Action[.All] convention', () => {
    expect(readPermissionName('Orders.Read.All')).toBe('read Orders, across the whole tenant (“.All”)')
    expect(readPermissionName('Orders.ReadWrite')).toBe('read and change Orders')
    expect(readPermissionName('user_impersonation')).toMatch(/as the signed-in user/)
  })

  it('says nothing it cannot know', () => {
    expect(readPermissionName('Reports.Export')).toBeNull()
    expect(readPermissionName('')).toBeNull()
  })
})

describe('readCatalogText: a pasted catalog, validated by core', () => {
  it('refuses text that is not JSON or not a catalog, with reasons', () => {
    expect(readCatalogText('not json')).toHaveProperty('problems')
    const bad = readCatalogText('{"id": "x"}')
    expect('problems' in bad && bad.problems.length > 0).toBe(true)
  })
})

describe('insertedAtOnce: a paste is many characters put in at once', () => {
  it('counts what an edit put in, replacing or not', () => {
    expect(insertedAtOnce('', 'eyJ0eXAi')).toBe(8)
    expect(insertedAtOnce('abc', 'abcd')).toBe(1)
    expect(insertedAtOnce('a'.repeat(100), 'b'.repeat(100))).toBe(100)
    expect(insertedAtOnce('abcdef', 'abXdef')).toBe(1)
    expect(insertedAtOnce('abc', '')).toBe(0)
  })
})
