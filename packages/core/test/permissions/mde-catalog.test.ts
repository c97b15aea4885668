import { describe, expect, it } from 'vitest'
import { M365D_CATALOG, MDE_CATALOG, findPermissions } from '../../src/index.js'
import type { CatalogOperation } from '../../src/index.js'

// Defender for Endpoint and Defender XDR data expectations, written by hand from the pages (checked 2026-11-30).
// The rules every catalog keeps (sources, dates, kinds, order, duplicates) are in graph-catalog.test.ts.

const find = (method: string, path: string): CatalogOperation | undefined =>
  MDE_CATALOG.operations.find((op) => op.method === method && op.path.toLowerCase() === path.toLowerCase())

// The 59 operations of the first catalog: users and tests name them, so their paths must not move.
const FIRST_CATALOG = [
  'GET /api/alerts',
  'GET /api/alerts/{id}',
  'PATCH /api/alerts/{id}',
  'POST /api/alerts/batchUpdate',
  'POST /api/alerts/CreateAlertByReference',
  'GET /api/alerts/{id}/domains',
  'GET /api/alerts/{id}/files',
  'GET /api/alerts/{id}/ips',
  'GET /api/alerts/{id}/user',
  'GET /api/alerts/{id}/machine',
  'GET /api/machines',
  'GET /api/machines/{id}',
  'GET /api/machines/findbyip(...)',
  'GET /api/machines/find(...)',
  'GET /api/machines/findbytag',
  'PATCH /api/machines/{id}',
  'POST /api/machines/{id}/tags',
  'POST /api/machines/AddOrRemoveTagForMultipleMachines',
  'POST /api/machines/{id}/setDeviceValue',
  'GET /api/machines/{id}/logonusers',
  'GET /api/machines/{id}/alerts',
  'GET /api/machines/{id}/software',
  'GET /api/machines/{id}/vulnerabilities',
  'GET /api/machines/{id}/recommendations',
  'POST /api/machines/{id}/isolate',
  'POST /api/machines/{id}/unisolate',
  'POST /api/machines/{id}/restrictCodeExecution',
  'POST /api/machines/{id}/unrestrictCodeExecution',
  'POST /api/machines/{id}/runAntiVirusScan',
  'POST /api/machines/{id}/offboard',
  'POST /api/machines/{id}/collectInvestigationPackage',
  'POST /api/machines/{id}/StopAndQuarantineFile',
  'POST /api/machines/{id}/runliveresponse',
  'POST /api/machines/{id}/startInvestigation',
  'GET /api/machineactions',
  'GET /api/machineactions/{id}',
  'GET /api/machineactions/{id}/getPackageUri',
  'POST /api/advancedqueries/run',
  'GET /api/indicators',
  'POST /api/indicators',
  'POST /api/indicators/import',
  'DELETE /api/indicators/{id}',
  'POST /api/indicators/BatchDelete',
  'GET /api/files/{id}',
  'GET /api/ips/{ip}/stats',
  'GET /api/domains/{domain}/stats',
  'GET /api/libraryfiles',
  'POST /api/libraryfiles',
  'DELETE /api/libraryfiles/{fileName}',
  'GET /api/vulnerabilities',
  'GET /api/vulnerabilities/{cveId}',
  'GET /api/Software',
  'GET /api/Software/{id}',
  'GET /api/recommendations',
  'GET /api/recommendations/{id}',
  'GET /api/remediationTasks',
  'GET /api/exposureScore',
  'GET /api/configurationScore',
  'GET /api/deviceavinfo',
]

describe('Defender for Endpoint catalog', () => {
  it('keeps every path of the first catalog exactly as it was', () => {
    expect(FIRST_CATALOG).toHaveLength(59)
    const now = new Set(MDE_CATALOG.operations.map((op) => `${op.method} ${op.path}`))
    expect(FIRST_CATALOG.filter((o) => !now.has(o))).toEqual([])
  })

  it('reads every row from a Defender for Endpoint API page', () => {
    for (const op of MDE_CATALOG.operations) {
      expect(op.source, `${op.method} ${op.path}`).toMatch(
        /^https:\/\/learn\.microsoft\.com\/defender-endpoint\/api\/[a-z0-9-]+$/,
      )
      expect(op.checkedBy).toBe('claimcheck')
    }
  })

  it("covers today's documented API families", () => {
    for (const [method, path] of [
      // live response and its library, cancelling an action
      ['POST', '/api/machines/{id}/runliveresponse'],
      ['GET', '/api/machineactions/{id}/GetLiveResponseResultDownloadLink(...)'],
      ['POST', '/api/machineactions/{id}/cancel'],
      ['GET', '/api/libraryfiles'],
      ['POST', '/api/libraryfiles'],
      ['DELETE', '/api/libraryfiles/{fileName}'],
      // vulnerability management, software, recommendations, baselines, certificates, firmware, browser extensions
      ['GET', '/api/vulnerabilities/machinesVulnerabilities'],
      ['GET', '/api/Software/{id}/vulnerabilities'],
      ['GET', '/api/recommendations/{id}/machineReferences'],
      ['GET', '/api/machines/BaselineComplianceAssessmentByMachine'],
      ['GET', '/api/baselineProfiles'],
      ['GET', '/api/baselineConfigurations'],
      ['GET', '/api/machines/certificateAssessmentByMachine'],
      ['GET', '/api/machines/HardwareFirmwareInventoryByMachine'],
      ['GET', '/api/machines/BrowserExtensionsInventoryByMachine'],
      ['GET', '/api/browserextensions/permissionsinfo'],
      ['GET', '/api/machines/SoftwareVulnerabilitiesByMachine'],
      ['GET', '/api/machines/SecureConfigurationsAssessmentByMachine'],
      // authenticated scans, device health
      ['GET', '/api/DeviceAuthenticatedScanDefinitions'],
      ['POST', '/api/DeviceAuthenticatedScanDefinitions'],
      ['GET', '/api/DeviceAuthenticatedScanAgents'],
      ['GET', '/api/deviceavinfo'],
      // user, domain, file and IP; investigations; scores; remediation tasks
      ['GET', '/api/users/{id}/alerts'],
      ['GET', '/api/users/{id}/machines'],
      ['GET', '/api/domains/{domain}/alerts'],
      ['GET', '/api/files/{id}/machines'],
      ['GET', '/api/ips/{ip}/alerts'],
      ['GET', '/api/investigations'],
      ['GET', '/api/exposureScore/ByMachineGroups'],
      ['GET', '/api/remediationTasks/{id}'],
    ])
      expect(find(method as string, path as string), `${method} ${path}`).toBeDefined()
  })

  it('StopAndQuarantineFile needs Machine.StopAndQuarantine and a Machine read permission together', () => {
    const op = find('POST', '/api/machines/{id}/StopAndQuarantineFile')
    expect(op?.application).toEqual(['Machine.StopAndQuarantine'])
    expect(op?.delegated).toEqual(['Machine.StopAndQuarantine'])
    expect(op?.alsoRequires).toEqual({
      application: [['Machine.Read.All', 'Machine.ReadWrite.All']],
      delegated: [['Machine.Read', 'Machine.ReadWrite']],
    })
    expect(op?.correction).toMatch(/#6055/)
    // No other operation needs two permissions together on today's evidence.
    expect(MDE_CATALOG.operations.filter((o) => o.alsoRequires).map((o) => o.path)).toEqual([
      '/api/machines/{id}/StopAndQuarantineFile',
    ])
  })

  it("records where the API's own answer corrected a page", () => {
    const result = find('GET', '/api/machineactions/{id}/GetLiveResponseResultDownloadLink(...)')
    expect(result?.application).toEqual(['Machine.Read.All', 'Machine.ReadWrite.All'])
    expect(result?.delegated).toEqual(['Machine.LiveResponse'])
    expect(result?.correction).toMatch(/#6053/)
    expect(find('GET', '/api/recommendations/{id}/vulnerabilities')?.application).toEqual([
      'Vulnerability.Read.All',
    ])
    expect(find('GET', '/api/machines/{id}/getmissingkbs')).toMatchObject({
      application: ['Software.Read.All'],
      delegated: [],
    })
  })

  it('cancels a machine action with any one response-action permission', () => {
    const op = find('POST', '/api/machineactions/{id}/cancel')
    const actions = [
      'Machine.CollectForensics',
      'Machine.Isolate',
      'Machine.RestrictExecution',
      'Machine.Scan',
      'Machine.Offboard',
      'Machine.StopAndQuarantine',
      'Machine.LiveResponse',
    ]
    expect(op?.application).toEqual(actions)
    expect(op?.delegated).toEqual(actions)
  })

  it('uses the delegated scope where the scan pages print an application name or a misspelling', () => {
    expect(find('GET', '/api/DeviceAuthenticatedScanDefinitions')).toMatchObject({
      application: ['Machine.Read.All'],
      delegated: ['Machine.Read'],
    })
    expect(find('POST', '/api/DeviceAuthenticatedScanDefinitions')).toMatchObject({
      application: ['Machine.ReadWrite.All'],
      delegated: ['Machine.ReadWrite'],
    })
    expect(findPermissions(MDE_CATALOG, 'Machine.Read.Write')[0]?.value).toBe('Machine.ReadWrite')
    expect(findPermissions(MDE_CATALOG, 'RemediationTask.Read.Read')[0]?.value).toBe('RemediationTasks.Read')
  })

  it('names the portal role of delegated calls where the page does', () => {
    expect(find('POST', '/api/machines/{id}/isolate')?.userRole).toBe('Active remediation actions')
    expect(find('POST', '/api/machines/{id}/collectInvestigationPackage')?.userRole).toBe(
      'Alerts investigation',
    )
    expect(find('GET', '/api/alerts')?.userRole).toBe('View Data')
  })

  it('marks its advanced hunting API as legacy, pointing to Graph runHuntingQuery', () => {
    expect(find('POST', '/api/advancedqueries/run')?.legacy?.replacement).toBe(
      'POST /security/runHuntingQuery',
    )
  })
})

describe('Defender XDR catalog (legacy operations)', () => {
  it('keeps its four operations and marks each as legacy with its Graph equivalent', () => {
    const replacements = Object.fromEntries(
      M365D_CATALOG.operations.map((op) => [`${op.method} ${op.path}`, op.legacy?.replacement]),
    )
    expect(replacements).toEqual({
      'GET /api/incidents': 'GET /security/incidents',
      'GET /api/incidents/{id}': 'GET /security/incidents/{incidentId}',
      'PATCH /api/incidents/{id}': 'PATCH /security/incidents/{incidentId}',
      'POST /api/advancedhunting/run': 'POST /security/runHuntingQuery',
    })
  })

  it('says in each legacy note which Graph permissions the replacement needs', () => {
    const note = (method: string, path: string) =>
      M365D_CATALOG.operations.find((op) => op.method === method && op.path === path)?.legacy?.note ?? ''
    expect(note('GET', '/api/incidents')).toMatch(/SecurityIncident\.Read\.All/)
    expect(note('PATCH', '/api/incidents/{id}')).toMatch(/SecurityIncident\.ReadWrite\.All/)
    expect(note('POST', '/api/advancedhunting/run')).toMatch(/ThreatHunting\.Read\.All/)
  })
})
