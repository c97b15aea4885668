import { MDE_HUNTING_LIFECYCLE, MDE_HUNTING_LIMITS, MDE_ISOLATE_LIMITS } from './lifecycles.js'
import { API_RESOURCES } from '../../entra/apis.js'
import type { CatalogOperation, CatalogPermission, PermissionCatalog } from '../types.js'

// Microsoft Defender for Endpoint ("WindowsDefenderATP"). Data only; docs/permissions.md explains every column.

const page = (name: string): string => `https://learn.microsoft.com/defender-endpoint/api/${name}`

const ALERT_READ_APP = ['Alert.Read.All', 'Alert.ReadWrite.All'] as const
const ALERT_READ_DEL = ['Alert.Read', 'Alert.ReadWrite'] as const
const MACHINE_READ_APP = ['Machine.Read.All', 'Machine.ReadWrite.All'] as const
const MACHINE_READ_DEL = ['Machine.Read', 'Machine.ReadWrite'] as const

const app = (
  value: string,
  id: string,
  displayName: string,
  includes?: readonly string[],
): CatalogPermission => ({ value, kind: 'application', id, displayName, ...(includes ? { includes } : {}) })
const del = (
  value: string,
  id: string,
  displayName: string,
  includes?: readonly string[],
): CatalogPermission => ({ value, kind: 'delegated', id, displayName, ...(includes ? { includes } : {}) })

// IDs: the appRoles and oauth2PermissionScopes of the WindowsDefenderATP service principal as published in
// public dumps (see idSources). Application IDs agree across three independent dumps; delegated IDs of the
// Machine.* response actions appear in one dump only (docs/permissions.md lists which).
const PERMISSIONS: readonly CatalogPermission[] = [
  app('AdvancedQuery.Read.All', '93489bf5-0fbc-4f2d-b901-33f2fe08ff05', 'Run advanced queries'),
  app('Alert.Read.All', '71fe6b80-7034-4028-9ed8-0f316df9c3ff', 'Read all alerts'),
  app('Alert.ReadWrite.All', '0f7000ec-157b-497f-b70e-ef0b0584f140', 'Read and write all alerts', [
    'Alert.Read.All',
  ]),
  app('Event.Write', '84ddd701-5fac-4c30-b0ad-aa73a67bea1a', 'Write timeline events'),
  app('File.Read.All', '8788f1a9-beca-4e26-ba58-10513f3b896f', 'Read file profiles'),
  app(
    'IntegrationConfiguration.ReadWrite',
    '7c6f6912-60e9-4fcd-bb2a-c25bc35e8c59',
    'Read and Write Integration settings',
  ),
  app('Ip.Read.All', '47bf842d-354b-49ef-b741-3a6dd815bc13', 'Read IP address profiles'),
  app('Library.Manage', '41d209c7-2511-4fc9-b899-8008a3976f09', 'Manage live response library files'),
  app('Machine.CollectForensics', '15405ab2-2103-4a3c-ad80-e829841cedcc', 'Collect forensics'),
  app('Machine.Isolate', '7e4e1300-e1b9-4102-88ba-f0cb6e6d5974', 'Isolate machine'),
  app(
    'Machine.LiveResponse',
    '1629b959-c0af-42a1-92f0-f6162060bdf1',
    'Run live response on a specific machine',
  ),
  app('Machine.Offboard', '594435bf-36dd-4548-83bd-1bdafe157d7a', 'Offboard machine'),
  app('Machine.Read.All', 'ea8291d3-4b9a-44b5-bc3a-6cea3026dc79', 'Read all machine profiles'),
  app(
    'Machine.ReadWrite.All',
    'aa027352-232b-4ed4-b963-a705fc4d6d2c',
    'Read and write all machine information',
    ['Machine.Read.All'],
  ),
  app('Machine.RestrictExecution', '96b6b35d-074d-4e2d-b167-8d68d9269648', 'Restrict code execution'),
  app('Machine.Scan', 'a86d9824-b2b6-45f8-b042-16bc4922ed4e', 'Scan machine'),
  app('Machine.StopAndQuarantine', '96e72b5e-7e68-4171-aad1-3937599e4751', 'Stop and quarantine file'),
  app('RemediationTasks.Read.All', '6a33eedf-ba73-4e5a-821b-f057ef63853a', 'Read all remediation tasks'),
  app(
    'Score.Read.All',
    '02b005dd-f804-43b4-8fc7-078460413f74',
    'Read Threat and Vulnerability Management score',
  ),
  app(
    'SecurityBaselinesAssessment.Read.All',
    'e870c0c1-c1a2-41ca-948e-a33912d2d3f0',
    'Read all security baselines assessment information',
  ),
  app(
    'SecurityConfiguration.Read.All',
    '227f2ea0-c2c2-4428-b7af-9ff40f1a720e',
    'Read all security configurations',
  ),
  app(
    'SecurityConfiguration.ReadWrite.All',
    'e5e05709-32a3-4c85-89c8-67596eb94f24',
    'Read and write all security configurations',
    ['SecurityConfiguration.Read.All'],
  ),
  app(
    'SecurityRecommendation.Read.All',
    '6443965c-7dd2-4cfd-b38f-bb7772bee163',
    'Read Threat and Vulnerability Management security recommendations',
  ),
  app(
    'Software.Read.All',
    '37f71c98-d198-41ae-964d-2c49aab74926',
    'Read Threat and Vulnerability Management software information',
  ),
  app('Ti.Read.All', '528ca142-c849-4a5b-935e-10b8b9c38a84', 'Read all IOCs'),
  app('Ti.ReadWrite', 'a8bc2240-f96a-46a1-bad5-6a960b7327a1', 'Read and write IOCs belonging to the app'),
  app('Ti.ReadWrite.All', 'fc511a58-3adf-4d71-af24-00f13e35e479', 'Read and write all IOCs', [
    'Ti.ReadWrite',
    'Ti.Read.All',
  ]),
  app('Url.Read.All', '721af526-ffa8-42d7-9b84-1a56244dd99d', 'Read URL profiles'),
  app('User.Read.All', 'a833834a-4cf1-4732-8acf-bbcfa13fb610', 'Read user profiles'),
  app(
    'Vulnerability.Read.All',
    '41269fc5-d04d-4bfd-bce7-43a51cea049a',
    'Read Threat and Vulnerability Management vulnerability information',
  ),

  del('AdvancedQuery.Read', '1fb6e712-1bd9-4184-b1c0-5e71e759196b', 'Run advanced queries'),
  del('Alert.Read', 'b2069dc0-9fe9-4e6d-9aca-ccf3dd503819', 'Read alerts'),
  del('Alert.ReadWrite', 'cbc3b413-21e6-416d-95a4-af87687efbd0', 'Read and write alerts', ['Alert.Read']),
  del('File.Read.All', '8fce64a0-67c8-4e39-8f47-cac9ff7e13bb', 'Read file profiles'),
  del(
    'IntegrationConfiguration.ReadWrite',
    '7c6f6912-60e9-4fcd-bb2a-c25bc35e8c59',
    'Read and Write Integration settings',
  ),
  del('Ip.Read.All', 'b65a97e8-c8e8-4908-b19a-f654615de1a9', 'Read IP address profiles'),
  del('Library.Manage', '5998a3da-2c9b-4bf3-99bd-44c9fe337ad2', 'Manage live response library files'),
  del('Machine.CollectForensics', '5eb7b9dc-cbce-4c7e-9d73-5be248260ae6', 'Collect forensics'),
  del('Machine.Isolate', '479231ef-3b86-4933-ae6b-1fa84bba9e31', 'Isolate machine'),
  del(
    'Machine.LiveResponse',
    '25fb0c21-5877-492a-8d0c-e7893a9585cc',
    'Run live response on a specific machine',
  ),
  del('Machine.Offboard', '29d1c73a-07f6-495f-b62b-1554a954d0a3', 'Offboard machine'),
  del('Machine.Read', 'fbd3d33a-b1f5-4573-906c-51b39682fbcf', 'Read machine information'),
  del('Machine.ReadWrite', 'f6846c57-9e3c-4a65-81aa-2f5e09ff4f0b', 'Read and write machine information', [
    'Machine.Read',
  ]),
  del('Machine.RestrictExecution', 'abddfa88-80bb-4aef-81ff-18cbf29363a9', 'Restrict code execution'),
  del('Machine.Scan', 'b4618115-647e-42a5-bd0d-0ea9878fb376', 'Scan machine'),
  del('Machine.StopAndQuarantine', '69e036b7-3f10-4d4c-a85e-82295629eca8', 'Stop and quarantine file'),
  del('RemediationTasks.Read', '19956c04-168f-4f44-b471-48c8f50dc0c8', 'Read remediation tasks'),
  del('Score.Read', 'df4ed126-3a4c-460a-b0fc-67aea84fc332', 'Read Threat and Vulnerability Management score'),
  del(
    'SecurityBaselinesAssessment.Read',
    'd42e2aa1-a664-43a9-b7c6-2766d44a6687',
    'Read security baselines assessment information',
  ),
  del('SecurityConfiguration.Read', '4ac83e46-552f-4948-91c2-f7eaff971018', 'Read security configurations'),
  del(
    'SecurityConfiguration.ReadWrite',
    'bfc81a3a-4f6d-4bfe-b945-d7fe6747d2a0',
    'Read and write security configurations',
    ['SecurityConfiguration.Read'],
  ),
  del(
    'SecurityRecommendation.Read',
    '1ab96238-1253-4059-a32f-4087f20ed65d',
    'Read Threat and Vulnerability Management security recommendations',
  ),
  del(
    'Software.Read',
    '5f216ada-3f51-4a22-ace5-06b198328476',
    'Read Threat and Vulnerability Management software information',
  ),
  del('Ti.ReadWrite', '650ff1f9-dd5f-48ee-8c58-7beef332c818', 'Read and write IOCs'),
  del('Url.Read.All', '42b4777c-6196-49ad-9cfc-207e73f2eb61', 'Read URL profiles'),
  del('User.Read.All', 'ffd6563e-842b-4cfc-b349-06006e0473a3', 'Read user profiles'),
  del(
    'Vulnerability.Read',
    '63a677ce-818c-4409-9d12-5c6d2e2a6bfe',
    'Read Threat and Vulnerability Management vulnerability information',
  ),
]

type Row = Omit<CatalogOperation, 'method' | 'path' | 'application' | 'delegated' | 'area'>
const op = (
  method: CatalogOperation['method'],
  path: string,
  application: readonly string[],
  delegated: readonly string[],
  row: Row,
): CatalogOperation => ({ method, path, application, delegated, ...row })
// Every row was read against its page by ClaimCheck: `ours` rows on 2026-11-21 (the first verification), `now`
// rows on 2026-11-30 (new operations, and the project reference's [V] rows, re-read the same day).
const ours = (name: string, extra: Partial<Row> = {}): Row => ({
  source: page(name),
  checkedBy: 'claimcheck',
  checked: '2026-11-21',
  ...extra,
})
const now = (name: string, extra: Partial<Row> = {}): Row => ({
  source: page(name),
  checkedBy: 'claimcheck',
  checked: '2026-11-30',
  ...extra,
})
const area = (name: string, rows: readonly CatalogOperation[]): CatalogOperation[] =>
  rows.map((r) => ({ ...r, area: name }))

// What Defender's own answer says beats the page: with Machine.StopAndQuarantine alone the API answers 403 "The
// application does not have any of the required application permissions (Machine.Read.All, Machine.ReadWrite.All)",
// and with a Machine.Read* role alone it names Machine.StopAndQuarantine (MicrosoftDocs/microsoft-365-docs#6055,
// 2021-08-17; the page now lists all three in one flat table). Both are needed. The delegated pair is by analogy:
// no public report shows the delegated answer, and the page lists only Machine.StopAndQuarantine for it.
const STOP_AND_QUARANTINE_ALSO: CatalogOperation['alsoRequires'] = {
  application: [MACHINE_READ_APP],
  delegated: [MACHINE_READ_DEL],
}
const RESPONSE_ACTIONS = [
  'Machine.CollectForensics',
  'Machine.Isolate',
  'Machine.RestrictExecution',
  'Machine.Scan',
  'Machine.Offboard',
  'Machine.StopAndQuarantine',
  'Machine.LiveResponse',
] as const
const VIEW_DATA = 'View Data'
const TVM_VIEW = 'View Data or TvmViewData'

const OPERATIONS: readonly CatalogOperation[] = [
  ...area('Alerts', [
    op(
      'GET',
      '/api/alerts',
      ALERT_READ_APP,
      ALERT_READ_DEL,
      now('get-alerts', { summary: 'List alerts', userRole: VIEW_DATA }),
    ),
    op(
      'GET',
      '/api/alerts/{id}',
      ALERT_READ_APP,
      ALERT_READ_DEL,
      now('get-alert-info-by-id', { summary: 'Get alert', userRole: VIEW_DATA }),
    ),
    op(
      'PATCH',
      '/api/alerts/{id}',
      ['Alert.ReadWrite.All'],
      ['Alert.ReadWrite'],
      now('update-alert', { summary: 'Update alert', userRole: 'Alerts investigation' }),
    ),
    op(
      'POST',
      '/api/alerts/batchUpdate',
      ['Alert.ReadWrite.All'],
      ['Alert.ReadWrite'],
      ours('batch-update-alerts', { summary: 'Batch update alerts', userRole: 'Alerts investigation' }),
    ),
    op(
      'POST',
      '/api/alerts/CreateAlertByReference',
      ['Alert.ReadWrite.All'],
      ['Alert.ReadWrite'],
      ours('create-alert-by-reference', {
        summary: 'Create alert from event',
        userRole: 'Alerts investigation',
      }),
    ),
    op(
      'GET',
      '/api/alerts/{id}/domains',
      ['Url.Read.All'],
      ['Url.Read.All'],
      ours('get-alert-related-domain-info', { summary: 'Alert related domains', userRole: VIEW_DATA }),
    ),
    op(
      'GET',
      '/api/alerts/{id}/files',
      ['File.Read.All'],
      ['File.Read.All'],
      ours('get-alert-related-files-info', { summary: 'Alert related files', userRole: VIEW_DATA }),
    ),
    op(
      'GET',
      '/api/alerts/{id}/ips',
      ['Ip.Read.All'],
      ['Ip.Read.All'],
      ours('get-alert-related-ip-info', { summary: 'Alert related IPs', userRole: VIEW_DATA }),
    ),
    op(
      'GET',
      '/api/alerts/{id}/user',
      ['User.Read.All'],
      ['User.Read.All'],
      ours('get-alert-related-user-info', { summary: 'Alert related user', userRole: VIEW_DATA }),
    ),
    op(
      'GET',
      '/api/alerts/{id}/machine',
      MACHINE_READ_APP,
      MACHINE_READ_DEL,
      ours('get-alert-related-machine-info', { summary: 'Alert related device', userRole: VIEW_DATA }),
    ),
  ]),
  ...area('Machines', [
    op(
      'GET',
      '/api/machines',
      MACHINE_READ_APP,
      MACHINE_READ_DEL,
      now('get-machines', { summary: 'List devices', userRole: VIEW_DATA }),
    ),
    op(
      'GET',
      '/api/machines/{id}',
      MACHINE_READ_APP,
      MACHINE_READ_DEL,
      now('get-machine-by-id', { summary: 'Get device', userRole: VIEW_DATA }),
    ),
    op(
      'GET',
      '/api/machines/findbyip(...)',
      MACHINE_READ_APP,
      MACHINE_READ_DEL,
      ours('find-machines-by-ip', { summary: 'Find devices by internal IP', userRole: VIEW_DATA }),
    ),
    op(
      'GET',
      '/api/machines/find(...)',
      MACHINE_READ_APP,
      [],
      ours('find-machine-info-by-ip', {
        summary: 'Find device by internal IP (application permissions only)',
      }),
    ),
    op(
      'GET',
      '/api/machines/findbytag',
      MACHINE_READ_APP,
      MACHINE_READ_DEL,
      ours('find-machines-by-tag', { summary: 'Find devices by tag', userRole: VIEW_DATA }),
    ),
    op(
      'PATCH',
      '/api/machines/{id}',
      ['Machine.ReadWrite.All'],
      ['Machine.ReadWrite'],
      ours('update-machine-method', {
        summary: 'Update device tags and value',
        userRole: 'Alerts investigation',
      }),
    ),
    op(
      'POST',
      '/api/machines/{id}/tags',
      ['Machine.ReadWrite.All'],
      ['Machine.ReadWrite'],
      ours('add-or-remove-machine-tags', {
        summary: 'Add or remove a device tag',
        userRole: 'Manage security setting',
      }),
    ),
    op(
      'POST',
      '/api/machines/AddOrRemoveTagForMultipleMachines',
      ['Machine.ReadWrite.All'],
      ['Machine.ReadWrite'],
      ours('add-or-remove-multiple-machine-tags', {
        summary: 'Tag many devices',
        userRole: 'Manage security setting',
      }),
    ),
    op(
      'POST',
      '/api/machines/{id}/setDeviceValue',
      ['Machine.ReadWrite.All'],
      ['Machine.ReadWrite'],
      ours('set-device-value', { summary: 'Set device value', userRole: 'Manage security setting' }),
    ),
    op(
      'GET',
      '/api/machines/{id}/logonusers',
      ['User.Read.All'],
      ['User.Read.All'],
      ours('get-machine-log-on-users', { summary: 'Device logon users', userRole: VIEW_DATA }),
    ),
    op(
      'GET',
      '/api/machines/{id}/alerts',
      ALERT_READ_APP,
      ALERT_READ_DEL,
      ours('get-machine-related-alerts', { summary: 'Device related alerts', userRole: VIEW_DATA }),
    ),
    op(
      'GET',
      '/api/machines/{id}/software',
      ['Software.Read.All'],
      ['Software.Read'],
      ours('get-installed-software', { summary: 'Installed software' }),
    ),
    op(
      'GET',
      '/api/machines/{id}/vulnerabilities',
      ['Vulnerability.Read.All'],
      ['Vulnerability.Read'],
      ours('get-discovered-vulnerabilities', { summary: 'Discovered vulnerabilities' }),
    ),
    op(
      'GET',
      '/api/machines/{id}/recommendations',
      ['SecurityRecommendation.Read.All'],
      ['SecurityRecommendation.Read'],
      ours('get-security-recommendations', { summary: 'Device security recommendations' }),
    ),
    op(
      'GET',
      '/api/machines/{id}/getmissingkbs',
      ['Software.Read.All'],
      [],
      now('get-missing-kbs-machine', { summary: 'Missing KBs of a device (application permissions only)' }),
    ),
  ]),
  ...area('Response actions', [
    op(
      'POST',
      '/api/machines/{id}/isolate',
      ['Machine.Isolate'],
      ['Machine.Isolate'],
      now('isolate-machine', {
        summary: 'Isolate device',
        userRole: 'Active remediation actions',
        rateLimits: MDE_ISOLATE_LIMITS,
      }),
    ),
    op(
      'POST',
      '/api/machines/{id}/unisolate',
      ['Machine.Isolate'],
      ['Machine.Isolate'],
      now('unisolate-machine', {
        summary: 'Release device from isolation',
        userRole: 'Active remediation actions',
        rateLimits: MDE_ISOLATE_LIMITS,
      }),
    ),
    op(
      'POST',
      '/api/machines/{id}/restrictCodeExecution',
      ['Machine.RestrictExecution'],
      ['Machine.RestrictExecution'],
      ours('restrict-code-execution', {
        summary: 'Restrict app execution',
        userRole: 'Active remediation actions',
      }),
    ),
    op(
      'POST',
      '/api/machines/{id}/unrestrictCodeExecution',
      ['Machine.RestrictExecution'],
      ['Machine.RestrictExecution'],
      ours('unrestrict-code-execution', {
        summary: 'Remove app restriction',
        userRole: 'Active remediation actions',
      }),
    ),
    op(
      'POST',
      '/api/machines/{id}/runAntiVirusScan',
      ['Machine.Scan'],
      ['Machine.Scan'],
      ours('run-av-scan', { summary: 'Run antivirus scan', userRole: 'Active remediation actions' }),
    ),
    op(
      'POST',
      '/api/machines/{id}/offboard',
      ['Machine.Offboard'],
      ['Machine.Offboard'],
      ours('offboard-machine-api', { summary: 'Offboard device' }),
    ),
    op(
      'POST',
      '/api/machines/{id}/collectInvestigationPackage',
      ['Machine.CollectForensics'],
      ['Machine.CollectForensics'],
      now('collect-investigation-package', {
        summary: 'Collect investigation package',
        userRole: 'Alerts investigation',
      }),
    ),
    op(
      'POST',
      '/api/machines/{id}/StopAndQuarantineFile',
      ['Machine.StopAndQuarantine'],
      ['Machine.StopAndQuarantine'],
      now('stop-and-quarantine-file', {
        summary: 'Stop and quarantine file',
        userRole: 'Active remediation actions',
        alsoRequires: STOP_AND_QUARANTINE_ALSO,
        correction:
          "Needs Machine.StopAndQuarantine and one of Machine.Read.All / Machine.ReadWrite.All together (the API's 403 answers, MicrosoftDocs/microsoft-365-docs#6055); the page lists them as alternatives.",
      }),
    ),
    op(
      'POST',
      '/api/machines/{id}/runliveresponse',
      ['Machine.LiveResponse'],
      ['Machine.LiveResponse'],
      now('run-live-response', { summary: 'Run live response' }),
    ),
    op(
      'POST',
      '/api/machines/{id}/startInvestigation',
      ['Alert.ReadWrite.All'],
      ['Alert.ReadWrite'],
      ours('initiate-autoir-investigation', {
        summary: 'Start automated investigation',
        userRole: 'Active remediation actions',
      }),
    ),
  ]),
  ...area('Machine actions', [
    op(
      'GET',
      '/api/machineactions',
      MACHINE_READ_APP,
      MACHINE_READ_DEL,
      ours('get-machineactions-collection', { summary: 'List machine actions', userRole: VIEW_DATA }),
    ),
    op(
      'GET',
      '/api/machineactions/{id}',
      MACHINE_READ_APP,
      MACHINE_READ_DEL,
      ours('get-machineaction-object', { summary: 'Get machine action', userRole: VIEW_DATA }),
    ),
    op(
      'GET',
      '/api/machineactions/{id}/getPackageUri',
      MACHINE_READ_APP,
      ['Machine.CollectForensics'],
      now('get-package-sas-uri', { summary: 'Investigation package URI', userRole: 'Alerts investigation' }),
    ),
    op(
      'GET',
      '/api/machineactions/{id}/GetLiveResponseResultDownloadLink(...)',
      MACHINE_READ_APP,
      ['Machine.LiveResponse'],
      now('get-live-response-result', {
        summary: 'Live response command result',
        correction:
          "Application column is Machine.Read.All / Machine.ReadWrite.All, not Machine.LiveResponse (the API's 403 answer, MicrosoftDocs/microsoft-365-docs#6053; the page was fixed since).",
      }),
    ),
    // Any one response-action permission cancels. MicrosoftDocs/microsoft-365-docs#6062 (2021) reported that the API
    // then checked a misspelled "Machine.CollectForensic"; the page lists the correct name and no newer report says
    // the bug remains, so the documented name is kept.
    op(
      'POST',
      '/api/machineactions/{id}/cancel',
      RESPONSE_ACTIONS,
      RESPONSE_ACTIONS,
      now('cancel-machine-action', { summary: 'Cancel a pending machine action' }),
    ),
  ]),
  ...area('Advanced hunting', [
    op(
      'POST',
      '/api/advancedqueries/run',
      ['AdvancedQuery.Read.All'],
      ['AdvancedQuery.Read'],
      now('run-advanced-query-api', {
        summary: 'Advanced hunting (Defender for Endpoint)',
        userRole: VIEW_DATA,
        // The page: "an older version with limited capabilities"; its localized copies add "Retirement began in January
        // 2026" (message center MC1220762).
        legacy: {
          replacement: 'POST /security/runHuntingQuery',
          note: 'Older API with limited capabilities, being retired since January 2026 (MC1220762); Microsoft Graph runHuntingQuery (ThreatHunting.Read.All) queries more tables.',
        },
        lifecycle: MDE_HUNTING_LIFECYCLE,
        rateLimits: MDE_HUNTING_LIMITS,
      }),
    ),
  ]),
  ...area('Indicators', [
    op(
      'GET',
      '/api/indicators',
      ['Ti.ReadWrite', 'Ti.ReadWrite.All'],
      ['Ti.ReadWrite'],
      now('get-ti-indicators-collection', { summary: 'List indicators' }),
    ),
    op(
      'POST',
      '/api/indicators',
      ['Ti.ReadWrite', 'Ti.ReadWrite.All'],
      ['Ti.ReadWrite'],
      ours('post-ti-indicator', { summary: 'Submit or update indicator' }),
    ),
    op(
      'POST',
      '/api/indicators/import',
      ['Ti.ReadWrite', 'Ti.ReadWrite.All'],
      ['Ti.ReadWrite'],
      ours('import-ti-indicators', { summary: 'Import indicators' }),
    ),
    op(
      'DELETE',
      '/api/indicators/{id}',
      ['Ti.ReadWrite', 'Ti.ReadWrite.All'],
      [],
      ours('delete-ti-indicator-by-id', {
        summary: 'Delete indicator (application permissions only)',
        correction:
          'The reference listed delegated Ti.ReadWrite; the page documents application permissions only.',
      }),
    ),
    op(
      'POST',
      '/api/indicators/BatchDelete',
      ['Ti.ReadWrite', 'Ti.ReadWrite.All'],
      [],
      ours('batch-delete-ti-indicators', {
        summary: 'Batch delete indicators (application permissions only)',
      }),
    ),
  ]),
  ...area('Entities', [
    op(
      'GET',
      '/api/files/{id}',
      ['File.Read.All'],
      ['File.Read.All'],
      ours('get-file-information', { summary: 'Get file', userRole: VIEW_DATA }),
    ),
    op(
      'GET',
      '/api/files/{id}/stats',
      ['File.Read.All'],
      ['File.Read.All'],
      now('get-file-statistics', { summary: 'File statistics', userRole: VIEW_DATA }),
    ),
    op(
      'GET',
      '/api/files/{id}/alerts',
      ALERT_READ_APP,
      ALERT_READ_DEL,
      now('get-file-related-alerts', { summary: 'File related alerts', userRole: VIEW_DATA }),
    ),
    op(
      'GET',
      '/api/files/{id}/machines',
      MACHINE_READ_APP,
      MACHINE_READ_DEL,
      now('get-file-related-machines', { summary: 'File related devices', userRole: VIEW_DATA }),
    ),
    op(
      'GET',
      '/api/ips/{ip}/stats',
      ['Ip.Read.All'],
      ['Ip.Read.All'],
      ours('get-ip-statistics', { summary: 'IP statistics', userRole: VIEW_DATA }),
    ),
    op(
      'GET',
      '/api/ips/{ip}/alerts',
      ALERT_READ_APP,
      ALERT_READ_DEL,
      now('get-ip-related-alerts', { summary: 'IP related alerts', userRole: VIEW_DATA }),
    ),
    op(
      'GET',
      '/api/domains/{domain}/stats',
      ['Url.Read.All'],
      ['Url.Read.All'],
      now('get-domain-statistics', { summary: 'Domain statistics', userRole: VIEW_DATA }),
    ),
    // The page (2025-11-11) lists only the read-write permissions, unlike the other "related alerts" pages.
    op(
      'GET',
      '/api/domains/{domain}/alerts',
      ['Alert.ReadWrite.All'],
      ['Alert.ReadWrite'],
      now('get-domain-related-alerts', { summary: 'Domain related alerts', userRole: VIEW_DATA }),
    ),
    op(
      'GET',
      '/api/domains/{domain}/machines',
      MACHINE_READ_APP,
      MACHINE_READ_DEL,
      now('get-domain-related-machines', { summary: 'Domain related devices', userRole: VIEW_DATA }),
    ),
    op(
      'GET',
      '/api/users/{id}/alerts',
      ALERT_READ_APP,
      ALERT_READ_DEL,
      now('get-user-related-alerts', { summary: 'User related alerts', userRole: VIEW_DATA }),
    ),
    // The page (2025-11-16) lists only the read-write permissions.
    op(
      'GET',
      '/api/users/{id}/machines',
      ['Machine.ReadWrite.All'],
      ['Machine.ReadWrite'],
      now('get-user-related-machines', { summary: 'User related devices', userRole: VIEW_DATA }),
    ),
  ]),
  ...area('Automated investigations', [
    op(
      'GET',
      '/api/investigations',
      ALERT_READ_APP,
      ALERT_READ_DEL,
      now('get-investigation-collection', { summary: 'List automated investigations', userRole: VIEW_DATA }),
    ),
    op(
      'GET',
      '/api/investigations/{id}',
      ALERT_READ_APP,
      ALERT_READ_DEL,
      now('get-investigation-object', { summary: 'Get automated investigation', userRole: VIEW_DATA }),
    ),
  ]),
  ...area('Live response library', [
    op(
      'GET',
      '/api/libraryfiles',
      ['Library.Manage'],
      ['Library.Manage'],
      ours('list-library-files', { summary: 'List live response library files' }),
    ),
    op(
      'POST',
      '/api/libraryfiles',
      ['Library.Manage'],
      ['Library.Manage'],
      ours('upload-library', { summary: 'Upload a live response library file' }),
    ),
    op(
      'DELETE',
      '/api/libraryfiles/{fileName}',
      ['Library.Manage'],
      ['Library.Manage'],
      ours('delete-library', { summary: 'Delete a live response library file' }),
    ),
  ]),
  ...area('Vulnerability management', [
    op(
      'GET',
      '/api/vulnerabilities',
      ['Vulnerability.Read.All'],
      ['Vulnerability.Read'],
      ours('get-all-vulnerabilities', { summary: 'List vulnerabilities' }),
    ),
    op(
      'GET',
      '/api/vulnerabilities/{cveId}',
      ['Vulnerability.Read.All'],
      ['Vulnerability.Read'],
      ours('get-vulnerability-by-id', { summary: 'Get vulnerability' }),
    ),
    op(
      'GET',
      '/api/vulnerabilities/{cveId}/machineReferences',
      ['Vulnerability.Read.All'],
      ['Vulnerability.Read'],
      now('get-machines-by-vulnerability', { summary: 'Devices exposed to a vulnerability' }),
    ),
    op(
      'GET',
      '/api/vulnerabilities/machinesVulnerabilities',
      ['Vulnerability.Read.All'],
      ['Vulnerability.Read'],
      now('get-all-vulnerabilities-by-machines', { summary: 'Vulnerabilities by device and software' }),
    ),
    op(
      'GET',
      '/api/Software',
      ['Software.Read.All'],
      ['Software.Read'],
      ours('get-software', { summary: 'List software inventory' }),
    ),
    op(
      'GET',
      '/api/Software/{id}',
      ['Software.Read.All'],
      ['Software.Read'],
      ours('get-software-by-id', { summary: 'Get software' }),
    ),
    op(
      'GET',
      '/api/Software/{id}/distributions',
      ['Software.Read.All'],
      ['Software.Read'],
      now('get-software-ver-distribution', { summary: 'Software version distribution' }),
    ),
    op(
      'GET',
      '/api/Software/{id}/machineReferences',
      ['Software.Read.All'],
      ['Software.Read'],
      now('get-machines-by-software', { summary: 'Devices with the software' }),
    ),
    op(
      'GET',
      '/api/Software/{id}/vulnerabilities',
      ['Vulnerability.Read.All'],
      ['Vulnerability.Read'],
      now('get-vuln-by-software', { summary: 'Vulnerabilities of the software' }),
    ),
    op(
      'GET',
      '/api/Software/{id}/getmissingkbs',
      ['Software.Read.All'],
      ['Software.Read'],
      now('get-missing-kbs-software', { summary: 'Missing KBs of the software' }),
    ),
    op(
      'GET',
      '/api/recommendations',
      ['SecurityRecommendation.Read.All'],
      ['SecurityRecommendation.Read'],
      ours('get-all-recommendations', { summary: 'List security recommendations' }),
    ),
    op(
      'GET',
      '/api/recommendations/{id}',
      ['SecurityRecommendation.Read.All'],
      ['SecurityRecommendation.Read'],
      ours('get-recommendation-by-id', { summary: 'Get security recommendation' }),
    ),
    op(
      'GET',
      '/api/recommendations/{id}/machineReferences',
      ['SecurityRecommendation.Read.All'],
      ['SecurityRecommendation.Read'],
      now('get-recommendation-machines', { summary: 'Devices of a recommendation' }),
    ),
    op(
      'GET',
      '/api/recommendations/{id}/vulnerabilities',
      ['Vulnerability.Read.All'],
      ['Vulnerability.Read'],
      now('get-recommendation-vulnerabilities', {
        summary: 'Vulnerabilities of a recommendation',
        correction:
          "Vulnerability.Read.All, not SecurityRecommendation.Read.All (the API's 403 answer, MicrosoftDocs/microsoft-365-docs#6057; the page was fixed since).",
      }),
    ),
    op(
      'GET',
      '/api/remediationTasks',
      ['RemediationTasks.Read.All'],
      ['RemediationTasks.Read'],
      ours('get-remediation-all-activities', { summary: 'List remediation activities' }),
    ),
    op(
      'GET',
      '/api/remediationTasks/{id}',
      ['RemediationTasks.Read.All'],
      ['RemediationTasks.Read'],
      now('get-remediation-one-activity', { summary: 'Get remediation activity' }),
    ),
    op(
      'GET',
      '/api/remediationTasks/{id}/machineReferences',
      ['RemediationTasks.Read.All'],
      ['RemediationTasks.Read'],
      now('get-remediation-exposed-devices-activities', { summary: 'Devices of a remediation activity' }),
    ),
    op(
      'GET',
      '/api/exposureScore',
      ['Score.Read.All'],
      ['Score.Read'],
      ours('get-exposure-score', { summary: 'Exposure score' }),
    ),
    op(
      'GET',
      '/api/exposureScore/ByMachineGroups',
      ['Score.Read.All'],
      ['Score.Read'],
      now('get-machine-group-exposure-score', { summary: 'Exposure score by device group' }),
    ),
    op(
      'GET',
      '/api/configurationScore',
      ['Score.Read.All'],
      ['Score.Read'],
      ours('get-device-secure-score', { summary: 'Device secure score' }),
    ),
  ]),
  // Per-device assessment exports: a JSON page-by-page form and a "via files" form, each with its own permission table.
  ...area('Assessments', [
    op(
      'GET',
      '/api/machines/SecureConfigurationsAssessmentByMachine',
      ['Vulnerability.Read.All'],
      ['Vulnerability.Read'],
      now('get-assessment-secure-config', { summary: 'Secure configuration assessment (JSON)' }),
    ),
    op(
      'GET',
      '/api/machines/SecureConfigurationsAssessmentExport',
      ['Vulnerability.Read.All'],
      ['Vulnerability.Read'],
      now('get-assessment-secure-config', { summary: 'Secure configuration assessment (files)' }),
    ),
    op(
      'GET',
      '/api/machines/SoftwareInventoryByMachine',
      ['Software.Read.All'],
      ['Software.Read'],
      now('get-assessment-software-inventory', { summary: 'Software inventory assessment (JSON)' }),
    ),
    op(
      'GET',
      '/api/machines/SoftwareInventoryExport',
      ['Software.Read.All'],
      ['Software.Read'],
      now('get-assessment-software-inventory', { summary: 'Software inventory assessment (files)' }),
    ),
    op(
      'GET',
      '/api/machines/SoftwareInventoryNoProductCodeByMachine',
      ['Software.Read.All'],
      ['Software.Read'],
      now('get-assessment-non-cpe-software-inventory', { summary: 'Software without a CPE (JSON)' }),
    ),
    op(
      'GET',
      '/api/machines/SoftwareInventoryNonCpeExport',
      ['Software.Read.All'],
      ['Software.Read'],
      now('get-assessment-non-cpe-software-inventory', { summary: 'Software without a CPE (files)' }),
    ),
    op(
      'GET',
      '/api/machines/SoftwareVulnerabilitiesByMachine',
      ['Vulnerability.Read.All'],
      ['Vulnerability.Read'],
      now('get-assessment-software-vulnerabilities', {
        summary: 'Software vulnerabilities assessment (JSON)',
      }),
    ),
    op(
      'GET',
      '/api/machines/SoftwareVulnerabilitiesExport',
      ['Vulnerability.Read.All'],
      ['Vulnerability.Read'],
      now('get-assessment-software-vulnerabilities', {
        summary: 'Software vulnerabilities assessment (files)',
        correction:
          "This section's permission table was not read; the page's JSON and delta sections list Vulnerability.Read.All / Vulnerability.Read, assumed here.",
      }),
    ),
    // Section 3 of the page; its table was read in the page's localized copies (the English read stopped at section 1).
    op(
      'GET',
      '/api/machines/SoftwareVulnerabilityChangesByMachine',
      ['Vulnerability.Read.All'],
      ['Vulnerability.Read'],
      now('get-assessment-software-vulnerabilities', {
        summary: 'Software vulnerabilities changes since a date (JSON, delta)',
      }),
    ),
    op(
      'GET',
      '/api/machines/BaselineComplianceAssessmentByMachine',
      ['SecurityBaselinesAssessment.Read.All'],
      ['SecurityBaselinesAssessment.Read'],
      now('export-security-baseline-assessment', { summary: 'Security baselines assessment (JSON)' }),
    ),
    op(
      'GET',
      '/api/machines/BaselineComplianceAssessmentExport',
      ['SecurityBaselinesAssessment.Read.All'],
      ['SecurityBaselinesAssessment.Read'],
      now('export-security-baseline-assessment', { summary: 'Security baselines assessment (files)' }),
    ),
    op(
      'GET',
      '/api/baselineProfiles',
      ['SecurityBaselinesAssessment.Read.All'],
      ['SecurityBaselinesAssessment.Read'],
      now('get-security-baselines-assessment-profiles', {
        summary: 'Security baseline profiles',
        correction:
          'The page names no permission; the security baselines permissions of the export page are assumed.',
      }),
    ),
    op(
      'GET',
      '/api/baselineConfigurations',
      ['SecurityBaselinesAssessment.Read.All'],
      ['SecurityBaselinesAssessment.Read'],
      now('get-security-baselines-assessment-configurations', {
        summary: 'Configurations in active baseline profiles',
        correction:
          'The page names no permission; the security baselines permissions of the export page are assumed.',
      }),
    ),
    op(
      'GET',
      '/api/machines/certificateAssessmentByMachine',
      ['Vulnerability.Read.All'],
      ['Vulnerability.Read'],
      now('export-certificate-inventory-assessment', { summary: 'Certificate assessment (JSON)' }),
    ),
    op(
      'GET',
      '/api/machines/certificateAssessmentExport',
      ['Vulnerability.Read.All'],
      ['Vulnerability.Read'],
      now('export-certificate-inventory-assessment', { summary: 'Certificate assessment (files)' }),
    ),
    op(
      'GET',
      '/api/machines/HardwareFirmwareInventoryByMachine',
      ['Software.Read.All'],
      ['Software.Read'],
      now('export-firmware-hardware-assessment', { summary: 'Hardware and firmware assessment (JSON)' }),
    ),
    op(
      'GET',
      '/api/machines/HardwareFirmwareInventoryExport',
      ['Software.Read.All'],
      ['Software.Read'],
      now('export-firmware-hardware-assessment', { summary: 'Hardware and firmware assessment (files)' }),
    ),
    op(
      'GET',
      '/api/machines/BrowserExtensionsInventoryByMachine',
      ['Software.Read.All'],
      ['Software.Read'],
      now('get-assessment-browser-extensions', { summary: 'Browser extensions assessment (JSON)' }),
    ),
    op(
      'GET',
      '/api/machines/browserextensionsinventoryExport',
      ['Software.Read.All'],
      ['Software.Read'],
      now('get-assessment-browser-extensions', { summary: 'Browser extensions assessment (files)' }),
    ),
    op(
      'GET',
      '/api/browserextensions/permissionsinfo',
      ['Software.Read.All'],
      ['Software.Read'],
      now('get-browser-extensions-permission-info', { summary: 'Browser extension permissions' }),
    ),
    op(
      'GET',
      '/api/machines/InfoGatheringExport',
      ['Vulnerability.Read.All'],
      ['Vulnerability.Read'],
      now('get-assessment-information-gathering', { summary: 'Information gathering assessment (files)' }),
    ),
  ]),
  // Authenticated scans (Defender Vulnerability Management). The pages write the application name Machine.Read.All in
  // the delegated row and "Machine.Read.Write" for the read-write scope; the delegated values are Machine.Read and
  // Machine.ReadWrite.
  ...area('Authenticated scans', [
    op(
      'GET',
      '/api/DeviceAuthenticatedScanDefinitions',
      ['Machine.Read.All'],
      ['Machine.Read'],
      now('get-all-scan-definitions', { summary: 'List scan definitions', userRole: TVM_VIEW }),
    ),
    op(
      'POST',
      '/api/DeviceAuthenticatedScanDefinitions',
      ['Machine.ReadWrite.All'],
      ['Machine.ReadWrite'],
      now('add-a-new-scan-definition', {
        summary: 'Add scan definition',
        userRole: 'Manage security settings',
      }),
    ),
    op(
      'PATCH',
      '/api/DeviceAuthenticatedScanDefinitions/{id}',
      ['Machine.ReadWrite.All'],
      ['Machine.ReadWrite'],
      now('add-a-new-scan-definition', {
        summary: 'Update scan definition',
        userRole: 'Manage security settings',
      }),
    ),
    op(
      'POST',
      '/api/DeviceAuthenticatedScanDefinitions/BatchDelete',
      ['Machine.ReadWrite.All'],
      ['Machine.ReadWrite'],
      now('add-a-new-scan-definition', {
        summary: 'Delete scan definitions',
        userRole: 'Manage security settings',
      }),
    ),
    op(
      'POST',
      '/api/DeviceAuthenticatedScanDefinitions/GetScanHistoryByScanDefinitionId',
      ['Machine.Read.All'],
      ['Machine.Read'],
      now('get-scan-history-by-definition', { summary: 'Scan history by definition', userRole: TVM_VIEW }),
    ),
    op(
      'POST',
      '/api/DeviceAuthenticatedScanDefinitions/GetScanHistoryBySessionId',
      ['Machine.Read.All'],
      ['Machine.Read'],
      now('get-scan-history-by-session', { summary: 'Scan history by session', userRole: TVM_VIEW }),
    ),
    op(
      'GET',
      '/api/DeviceAuthenticatedScanAgents',
      ['Machine.Read.All'],
      ['Machine.Read'],
      now('get-all-scan-agents', { summary: 'List scan agents', userRole: TVM_VIEW }),
    ),
    op(
      'GET',
      '/api/DeviceAuthenticatedScanAgents/{id}',
      ['Machine.Read.All'],
      ['Machine.Read'],
      now('get-agent-details', { summary: 'Get scan agent', userRole: TVM_VIEW }),
    ),
  ]),
  ...area('Device health', [
    op(
      'GET',
      '/api/deviceavinfo',
      ['Machine.Read.All'],
      ['Machine.Read'],
      now('device-health-export-antivirus-health-report-api', { summary: 'Antivirus health report' }),
    ),
  ]),
]

export const MDE_CATALOG: PermissionCatalog = {
  id: 'mde',
  name: API_RESOURCES.mde.name,
  appId: API_RESOURCES.mde.appId,
  identifierUris: API_RESOURCES.mde.identifierUris,
  // The Defender for Endpoint pages now send calls to the Defender XDR hosts (api.security.microsoft.com and the
  // US Government equivalents) while tokens keep the WindowsDefenderATP audience: both host sets serve this API.
  hosts: [...API_RESOURCES.mde.hosts, ...API_RESOURCES.m365d.hosts],
  resourceByCloud: API_RESOURCES.mde.resourceByCloud,
  delegatedNeedsUserRole: true,
  permissions: PERMISSIONS,
  // Spellings on the official pages that differ from the values Entra issues.
  aliases: {
    'URL.Read.All': 'Url.Read.All',
    'Alerts.ReadWrite.All': 'Alert.ReadWrite.All',
    'Machine.Read.Write': 'Machine.ReadWrite',
    'RemediationTask.Read': 'RemediationTasks.Read',
    // The remediation activity pages (2021) write the delegated scope this way.
    'RemediationTask.Read.Read': 'RemediationTasks.Read',
  },
  operations: OPERATIONS,
  idSources: [
    'Get-MgServicePrincipal -Filter "DisplayName eq \'WindowsDefenderATP\'" appRoles output published in a public write-up (application roles)',
    "A generated table of the WindowsDefenderATP service principal's appRoles and oauth2PermissionScopes (Role | Role Id | Display Name | Description)",
    'Visorian/PSMDE, New-MdeServicePrincipal (application roles and the non-response-action delegated scopes)',
  ],
}
