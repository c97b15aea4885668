import { API_RESOURCES } from '../../entra/apis.js'
import {
  GRAPH_LEGACY_ALERT_UPDATE_LIFECYCLE,
  GRAPH_LEGACY_ALERTS_LIFECYCLE,
  GRAPH_SECURITY_ALERT_LIMITS,
} from './lifecycles.js'
import type { CatalogOperation, CatalogPermission, PermissionCatalog } from '../types.js'

// Microsoft Graph, the security API only (`/security/...`). Data only; docs/permissions.md explains every column.
//
// Where the data comes from (checked 2026-11-30):
// - Permissions per operation: microsoftgraph/microsoft-graph-devx-content `permissions/new/permissions.json`
//   (commit 6cbd6bb, 2026-08-07), the file the "Permissions" tables of the Graph API pages are generated from; rows
//   were spot-checked against the rendered pages (incidents, eDiscovery cases). Least-privileged permissions first.
// - Which operations exist in v1.0: the v1.0 CSDL (microsoftgraph/msgraph-metadata `schemas/v1.0-Prod.csdl`); an
//   operation that is not there is beta only and says so in its summary. Paths are written without `/v1.0`/`/beta`.
// - Permission IDs: `permissions/new/provisioningInfo.json` of the same repository (public cloud).
// - Delegated users' roles: the pages' "rbac-for-apis" includes (microsoft-graph-docs-contrib).
// Graph signs its own tokens in a way only Graph can verify: a verdict for a Graph token is about audience and
// permissions, never the signature.

const CHECKED = '2026-11-30'
const GRAPH_DOCS = 'https://learn.microsoft.com/graph/api/'

type Version = '1.0' | 'beta'
const res = (name: string): string => `resources/${name}`

type Row = Omit<CatalogOperation, 'method' | 'path' | 'application' | 'delegated'>
type Extra = Pick<CatalogOperation, 'userRole' | 'correction' | 'legacy' | 'lifecycle' | 'rateLimits'>
const row =
  (version: Version) =>
  (page: string, area: string, summary: string, extra: Extra = {}): Row => ({
    source: `${GRAPH_DOCS}${page}?view=graph-rest-${version}`,
    checkedBy: 'claimcheck',
    checked: CHECKED,
    area,
    // The version the operation is documented for is part of what a reader needs: beta APIs may change or vanish.
    summary: version === 'beta' ? `${summary} (beta only)` : `${summary} (v1.0)`,
    ...extra,
  })
const v1 = row('1.0')
const beta = row('beta')
const op = (
  method: CatalogOperation['method'],
  path: string,
  application: readonly string[],
  delegated: readonly string[],
  r: Row,
): CatalogOperation => ({ method, path, application, delegated, ...r })

type PermissionExtra = Pick<CatalogPermission, 'includes' | 'idByCloud'>
const app = (
  value: string,
  id: string,
  displayName: string,
  extra: PermissionExtra = {},
): CatalogPermission => ({ value, kind: 'application', id, displayName, ...extra })
const del = (
  value: string,
  id: string,
  displayName: string,
  extra: PermissionExtra = {},
): CatalogPermission => ({ value, kind: 'delegated', id, displayName, ...extra })

// GCC High and DoD (cloud `usgov`) use other app-role IDs for three of these roles. Source: o365soa/soa
// `SOA/SOA-Prerequisites.psm1` (Microsoft's SOA prerequisites module; PR #76, 2023-09-12, for SecurityIncident.Read.All;
// PR #116, 2024-11-06, for ThreatHunting.Read.All; commit 9623afb for SecurityAlert.Read.All). One source each: no
// second public source was found, so a mismatch here is worth a report. GCC uses the public cloud's IDs.
const PERMISSIONS: readonly CatalogPermission[] = [
  app(
    'AttackSimulation.Read.All',
    '93283d0a-6322-4fa8-966b-8c121624760d',
    'Read attack simulation data of an organization',
  ),
  app(
    'AttackSimulation.ReadWrite.All',
    'e125258e-8c8a-42a8-8f55-ab502afa52f3',
    'Read, create, and update all attack simulation data of an organization',
    { includes: ['AttackSimulation.Read.All'] },
  ),
  app(
    'AuditLogsQuery-CRM.Read.All',
    '20e6f8e4-ffac-4cf7-82f7-70ddb7564318',
    'Read audit logs data from Dynamics CRM service',
  ),
  app(
    'AuditLogsQuery-Endpoint.Read.All',
    '0bc85aed-7b0b-437a-bac8-3b29a1b84c99',
    'Read audit logs data from Endpoint Data Loss Prevention workload',
  ),
  app(
    'AuditLogsQuery-Entra.Read.All',
    '7276d950-48fc-4269-8348-f22f2bb296d0',
    'Read audit logs data from Entra service',
  ),
  app(
    'AuditLogsQuery-Exchange.Read.All',
    '6b0d2622-d34e-4470-935b-b96550e5ca8d',
    'Read audit logs data from Exchange service',
  ),
  app(
    'AuditLogsQuery-OneDrive.Read.All',
    '8a169a81-841c-45fd-ad43-96aede8801a0',
    'Read audit logs data from OneDrive service',
  ),
  app(
    'AuditLogsQuery-SharePoint.Read.All',
    '91c64a47-a524-4fce-9bf3-3d569a344ecf',
    'Read audit logs data from SharePoint service',
  ),
  app(
    'AuditLogsQuery.Read.All',
    '5e1e9171-754d-478c-812c-f1755a9a4c2d',
    'Read audit logs data from all services',
    {
      includes: [
        'AuditLogsQuery-CRM.Read.All',
        'AuditLogsQuery-Endpoint.Read.All',
        'AuditLogsQuery-Entra.Read.All',
        'AuditLogsQuery-Exchange.Read.All',
        'AuditLogsQuery-OneDrive.Read.All',
        'AuditLogsQuery-SharePoint.Read.All',
      ],
    },
  ),
  app(
    'Content.Process.All',
    '5ad511bf-571c-4ef6-8c3c-85b94b85df98',
    'Process content for data security, governance and compliance',
  ),
  app('CustomDetection.Read.All', '673a007a-9e0f-4c97-b066-3c0164486909', 'Read all custom detection rules'),
  app(
    'CustomDetection.ReadWrite.All',
    'e0fd9c8d-a12e-4cc9-9827-20c8c3cd6fb8',
    'Read and write all custom detection rules',
    { includes: ['CustomDetection.Read.All'] },
  ),
  app('eDiscovery.Read.All', '50180013-6191-4d1e-a373-e590ff4e66af', 'Read all eDiscovery objects'),
  app('eDiscovery.ReadWrite.All', 'b2620db1-3bf7-4c5b-9cb9-576d29eac736', 'Read all eDiscovery objects', {
    includes: ['eDiscovery.Read.All'],
  }),
  app(
    'InformationProtectionPolicy.Read.All',
    '19da66cb-0fb0-4390-b071-ebc76a349482',
    'Read all published labels and label policies for an organization.',
  ),
  app(
    'ProtectionScopes.Compute.All',
    'e5a76501-dbb0-492c-ab55-5d09e8837263',
    'Compute Purview policies at tenant scope',
  ),
  app(
    'RecordsManagement.Read.All',
    'ac3a2b8e-03a3-4da9-9ce0-cbe28bf1accd',
    'Read Records Management configuration, labels and policies',
  ),
  app(
    'RecordsManagement.ReadWrite.All',
    'eb158f57-df43-4751-8b21-b8932adb3d34',
    'Read and write Records Management configuration, labels and policies',
    { includes: ['RecordsManagement.Read.All'] },
  ),
  app('SecurityAlert.Read.All', '472e4a4d-bb4a-4026-98d1-0b0d74cb74a5', 'Read all security alerts', {
    idByCloud: { usgov: '64c33fcb-e6aa-490d-bed5-6016a9ef8f6d' },
  }),
  app(
    'SecurityAlert.ReadWrite.All',
    'ed4fca05-be46-441f-9803-1873825f8fdb',
    'Read and write to all security alerts',
    { includes: ['SecurityAlert.Read.All'] },
  ),
  app(
    'SecurityAnalyzedMessage.Read.All',
    'b48f7ac2-044d-4281-b02f-75db744d6f5f',
    'Read security defender analyzed message data of an organization',
  ),
  app(
    'SecurityAnalyzedMessage.ReadWrite.All',
    '04c55753-2244-4c25-87fc-704ab82a4f69',
    'Read, create, and update all security defender analyzed message data of an organization',
    { includes: ['SecurityAnalyzedMessage.Read.All'] },
  ),
  app(
    'SecurityEvents.Read.All',
    'bf394140-e372-4bf9-a898-299cfc7564e5',
    "Read your organization's security events",
  ),
  app(
    'SecurityEvents.ReadWrite.All',
    'd903a879-88e0-4c09-b0c9-82f6a1333f84',
    "Read and update your organization's security events",
    { includes: ['SecurityEvents.Read.All'] },
  ),
  app(
    'SecurityIdentitiesAccount.Read.All',
    'c5bc96f5-b4a1-4cfc-8189-d5f0d772278f',
    'Read all identity security available identity accounts',
  ),
  app(
    'SecurityIdentitiesActions.ReadWrite.All',
    'af2bf46f-7bf1-4be3-8bad-e17e279e8462',
    'Read and perform all identity security available actions',
  ),
  app(
    'SecurityIdentitiesHealth.Read.All',
    'f8dcd971-5d83-4e1e-aa95-ef44611ad351',
    'Read all identity security health issues',
  ),
  app(
    'SecurityIdentitiesHealth.ReadWrite.All',
    'ab03ddd5-7ae4-4f2e-8af8-86654f7e0a27',
    'Read and write all identity security health issues',
    { includes: ['SecurityIdentitiesHealth.Read.All'] },
  ),
  app(
    'SecurityIdentitiesSensors.Read.All',
    '5f0ffea2-f474-4cf2-9834-61cda2bcea5c',
    'Read all identity security sensors',
  ),
  app(
    'SecurityIdentitiesSensors.ReadWrite.All',
    'd4dcee6d-0774-412a-b06c-aeabbd99e816',
    'Read and write all identity security sensors',
    { includes: ['SecurityIdentitiesSensors.Read.All'] },
  ),
  app('SecurityIncident.Read.All', '45cc0394-e837-488b-a098-1918f48d186c', 'Read all security incidents', {
    idByCloud: { usgov: '73d442ea-eff8-40b5-a216-87616d77e983' },
  }),
  app(
    'SecurityIncident.ReadWrite.All',
    '34bf0e97-1971-4929-b999-9e2442d941d7',
    'Read and write to all security incidents',
    { includes: ['SecurityIncident.Read.All'] },
  ),
  app('ThreatHunting.Read.All', 'dd98c7f5-2d42-42d3-a0e4-633161547251', 'Run hunting queries', {
    idByCloud: { usgov: '5f804853-e3b1-447b-9a8b-6d3e1257c72a' },
  }),
  app(
    'ThreatIntelligence.Read.All',
    'e0b77adb-e790-44a3-b0a0-257d06303687',
    'Read all Threat Intelligence Information',
  ),
  app(
    'ThreatSubmission.Read.All',
    '86632667-cd15-4845-ad89-48a88e8412e1',
    "Read all of the organization's threat submissions",
  ),
  app(
    'ThreatSubmission.ReadWrite.All',
    'd72bdbf4-a59b-405c-8b04-5995895819ac',
    "Read and write all of the organization's threat submissions",
    { includes: ['ThreatSubmission.Read.All'] },
  ),
  del(
    'AttackSimulation.Read.All',
    '104a7a4b-ca76-4677-b7e7-2f4bc482f381',
    'Read attack simulation data of an organization',
  ),
  del(
    'AttackSimulation.ReadWrite.All',
    '27608d7c-2c66-4cad-a657-951d575f5a60',
    'Read, create, and update attack simulation data of an organization',
    { includes: ['AttackSimulation.Read.All'] },
  ),
  del(
    'AuditLogsQuery-CRM.Read.All',
    'ba78b16f-1e01-41b6-89ca-73e0a32b304c',
    'Read audit logs data from Dynamics CRM workload',
  ),
  del(
    'AuditLogsQuery-Endpoint.Read.All',
    'ee3409fe-617f-43cf-bd1e-fc8b38049e69',
    'Read audit logs data from Endpoint Data Loss Prevention workload',
  ),
  del(
    'AuditLogsQuery-Entra.Read.All',
    '5ff2f415-e0f1-4d11-bfd0-6d87c0f667fd',
    'Read audit logs data from Entra service',
  ),
  del(
    'AuditLogsQuery-Exchange.Read.All',
    '6c8c71d2-c7e1-45b0-ac6d-1d2724fba6ae',
    'Read audit logs data from Exchange workload',
  ),
  del(
    'AuditLogsQuery-OneDrive.Read.All',
    '4a72c235-a50d-4870-b598-fd88fd1fa074',
    'Read audit logs data from OneDrive workload',
  ),
  del(
    'AuditLogsQuery-SharePoint.Read.All',
    '30630b65-ed12-4a81-9130-e3a964109fae',
    'Read audit logs data from SharePoint workload',
  ),
  del(
    'AuditLogsQuery.Read.All',
    '1d9e7ac3-0eca-442c-82f9-e92625af6e6d',
    'Read audit logs data from all services',
    {
      includes: [
        'AuditLogsQuery-CRM.Read.All',
        'AuditLogsQuery-Endpoint.Read.All',
        'AuditLogsQuery-Entra.Read.All',
        'AuditLogsQuery-Exchange.Read.All',
        'AuditLogsQuery-OneDrive.Read.All',
        'AuditLogsQuery-SharePoint.Read.All',
      ],
    },
  ),
  del(
    'Content.Process.All',
    '7e2467d1-f874-46bb-828e-24cb06b29d3f',
    'Process content for data security, governance and compliance',
  ),
  del('CustomDetection.Read.All', 'b13ff42e-f321-4d7d-a462-141c46a1b832', 'Read custom detection rules'),
  del(
    'CustomDetection.ReadWrite.All',
    'c34088fb-0649-4714-af0b-bcbfec155897',
    'Read and write custom detection rules',
    { includes: ['CustomDetection.Read.All'] },
  ),
  del('eDiscovery.Read.All', '99201db3-7652-4d5a-809a-bdb94f85fe3c', 'Read all eDiscovery objects'),
  del(
    'eDiscovery.ReadWrite.All',
    'acb8f680-0834-4146-b69e-4ab1b39745ad',
    'Read and write all eDiscovery objects',
    { includes: ['eDiscovery.Read.All'] },
  ),
  del(
    'InformationProtectionPolicy.Read',
    '4ad84827-5578-4e18-ad7a-86530b12f884',
    'Read user sensitivity labels and label policies.',
  ),
  del(
    'ProtectionScopes.Compute.All',
    '98f5a27a-539a-48bc-a597-f78e9e1e76bf',
    'Compute Purview policies at tenant scope',
  ),
  del(
    'RecordsManagement.Read.All',
    '07f995eb-fc67-4522-ad66-2b8ca8ea3efd',
    'Read Records Management configuration, labels, and policies',
  ),
  del(
    'RecordsManagement.ReadWrite.All',
    'f2833d75-a4e6-40ab-86d4-6dfe73c97605',
    'Read and write Records Management configuration, labels, and policies',
    { includes: ['RecordsManagement.Read.All'] },
  ),
  del('SecurityAlert.Read.All', 'bc257fb8-46b4-4b15-8713-01e91bfbe4ea', 'Read all security alerts'),
  del(
    'SecurityAlert.ReadWrite.All',
    '471f2a7f-2a42-4d45-a2bf-594d0838070d',
    'Read and write to all security alerts',
    { includes: ['SecurityAlert.Read.All'] },
  ),
  del(
    'SecurityEvents.Read.All',
    '64733abd-851e-478a-bffb-e47a14b18235',
    "Read your organization's security events",
  ),
  del(
    'SecurityEvents.ReadWrite.All',
    '6aedf524-7e1c-45a7-bd76-ded8cab8d0fc',
    "Read and update your organization's security events",
    { includes: ['SecurityEvents.Read.All'] },
  ),
  del(
    'SecurityIdentitiesAccount.Read.All',
    '3e9ed69a-a48e-473c-8b97-413016703a37',
    'Read identity security available identity accounts',
  ),
  del(
    'SecurityIdentitiesActions.ReadWrite.All',
    '818229ce-20e4-47bd-92f4-bc94dbb37a56',
    'Read and perform identity security available actions',
  ),
  del(
    'SecurityIdentitiesHealth.Read.All',
    'a0d0da43-a6df-4416-b63d-99c79991aae8',
    'Read identity security health issues',
  ),
  del(
    'SecurityIdentitiesHealth.ReadWrite.All',
    '53e51eec-2d9b-4990-97f3-c9aa5d5652c3',
    'Read and write identity security health issues',
    { includes: ['SecurityIdentitiesHealth.Read.All'] },
  ),
  del(
    'SecurityIdentitiesSensors.Read.All',
    '2c221239-7c5c-4b30-9355-d84663bfcd96',
    'Read identity security sensors',
  ),
  del(
    'SecurityIdentitiesSensors.ReadWrite.All',
    '087c3ad9-c2ca-4b82-9885-d5e25ce9e183',
    'Read and write identity security sensors',
    { includes: ['SecurityIdentitiesSensors.Read.All'] },
  ),
  del('SecurityIncident.Read.All', 'b9abcc4f-94fc-4457-9141-d20ce80ec952', 'Read incidents'),
  del(
    'SecurityIncident.ReadWrite.All',
    '128ca929-1a19-45e6-a3b8-435ec44a36ba',
    'Read and write to incidents',
    { includes: ['SecurityIncident.Read.All'] },
  ),
  del(
    'SubjectRightsRequest.Read.All',
    '9c3af74c-fd0f-4db4-b17a-71939e2a9d77',
    'Read subject rights requests',
  ),
  del(
    'SubjectRightsRequest.ReadWrite.All',
    '2b8fcc74-bce1-4ae3-a0e8-60c53739299d',
    'Read and write subject rights requests',
    { includes: ['SubjectRightsRequest.Read.All'] },
  ),
  del('ThreatHunting.Read.All', 'b152eca8-ea73-4a48-8c98-1a6742673d99', 'Run hunting queries'),
  del(
    'ThreatIntelligence.Read.All',
    'f266d9c0-ccb9-4fb8-a228-01ac0d8d6627',
    'Read all threat intelligence information',
  ),
  del('ThreatSubmission.Read.All', '7083913a-4966-44b6-9886-c5822a5fd910', 'Read all threat submissions'),
  del(
    'ThreatSubmission.ReadWrite.All',
    '8458e264-4eb9-4922-abe9-768d58f13c7f',
    'Read and write all threat submissions',
    { includes: ['ThreatSubmission.Read.All'] },
  ),
]

const INCIDENT_READ = ['SecurityIncident.Read.All', 'SecurityIncident.ReadWrite.All'] as const
const INCIDENT_WRITE = ['SecurityIncident.ReadWrite.All'] as const
const ALERT_READ_APP = [
  'SecurityAlert.Read.All',
  'SecurityAlert.ReadWrite.All',
  'SecurityIncident.Read.All',
  'SecurityIncident.ReadWrite.All',
] as const
const ALERT_READ = ['SecurityAlert.Read.All', 'SecurityAlert.ReadWrite.All'] as const
const ALERT_WRITE = ['SecurityAlert.ReadWrite.All'] as const
const EVENTS_READ = ['SecurityEvents.Read.All', 'SecurityEvents.ReadWrite.All'] as const
const EVENTS_WRITE = ['SecurityEvents.ReadWrite.All'] as const
const HUNTING = ['ThreatHunting.Read.All'] as const
const TI_READ = ['ThreatIntelligence.Read.All'] as const
const SIMULATION_READ = ['AttackSimulation.Read.All'] as const
const SIMULATION_WRITE = ['AttackSimulation.ReadWrite.All'] as const
// The eDiscovery pages (and permissions.json) list eDiscovery.Read.All as least privileged even for creating, updating
// and deleting; the data follows them (the rendered "Create ediscoveryCase" page says so, checked 2026-11-30).
const EDISCOVERY_ANY = ['eDiscovery.Read.All', 'eDiscovery.ReadWrite.All'] as const
const EDISCOVERY_WRITE = ['eDiscovery.ReadWrite.All'] as const
const HEALTH_READ = ['SecurityIdentitiesHealth.Read.All', 'SecurityIdentitiesHealth.ReadWrite.All'] as const
const HEALTH_WRITE = ['SecurityIdentitiesHealth.ReadWrite.All'] as const
const SENSORS_READ = ['SecurityIdentitiesSensors.Read.All'] as const
const SENSORS_WRITE = ['SecurityIdentitiesSensors.ReadWrite.All'] as const
const ACCOUNTS_READ = ['SecurityIdentitiesAccount.Read.All'] as const
const ACCOUNT_ACTIONS = ['SecurityIdentitiesActions.ReadWrite.All'] as const
// Retention labels document delegated permissions only; retention events and event types both kinds.
const RECORDS_READ = ['RecordsManagement.Read.All', 'RecordsManagement.ReadWrite.All'] as const
const RECORDS_WRITE = ['RecordsManagement.ReadWrite.All'] as const
const SRR_READ = ['SubjectRightsRequest.Read.All', 'SubjectRightsRequest.ReadWrite.All'] as const
const SRR_WRITE = ['SubjectRightsRequest.ReadWrite.All'] as const
const AUDIT_QUERY = [
  'AuditLogsQuery-Entra.Read.All',
  'AuditLogsQuery-CRM.Read.All',
  'AuditLogsQuery-Endpoint.Read.All',
  'AuditLogsQuery-Exchange.Read.All',
  'AuditLogsQuery-OneDrive.Read.All',
  'AuditLogsQuery-SharePoint.Read.All',
  'AuditLogsQuery.Read.All',
] as const
const ANALYZED_READ = ['SecurityAnalyzedMessage.Read.All', 'SecurityAnalyzedMessage.ReadWrite.All'] as const
const ANALYZED_WRITE = ['SecurityAnalyzedMessage.ReadWrite.All'] as const
const PROTECTION_SCOPES = ['ProtectionScopes.Compute.All'] as const
const CONTENT_PROCESS = ['Content.Process.All'] as const
const LABELS_APP = ['InformationProtectionPolicy.Read.All'] as const
const LABELS_DEL = ['InformationProtectionPolicy.Read'] as const
const SUBMISSION_READ = ['ThreatSubmission.Read.All', 'ThreatSubmission.ReadWrite.All'] as const
const SUBMISSION_WRITE = ['ThreatSubmission.ReadWrite.All'] as const
const DETECTION_READ = ['CustomDetection.Read.All', 'CustomDetection.ReadWrite.All'] as const
const DETECTION_WRITE = ['CustomDetection.ReadWrite.All'] as const

// Roles a signed-in user needs besides the scope (delegated calls), as the pages' role notes name them.
const ROLE_SECURITY_READ =
  'Microsoft Entra Security Reader (least), Global Reader, Security Operator or Security Administrator, or a custom role with the same permissions'
const ROLE_SECURITY_WRITE =
  'Microsoft Entra Security Operator (least) or Security Administrator, or a custom role with the same permissions'
const ROLE_EDISCOVERY_READ =
  'Microsoft Purview eDiscovery Manager (own cases) or eDiscovery Administrator; also Compliance Administrator, Organization Management, or Reviewer (review sets)'
const ROLE_EDISCOVERY_WRITE =
  'Microsoft Purview eDiscovery Manager (own cases) or eDiscovery Administrator; also Compliance Administrator or Organization Management'
const ROLE_MDI =
  'Microsoft Entra Security Administrator, or a Microsoft Defender XDR unified RBAC custom role with the permission'

// The Graph alerts_v2 page lists SecurityAlert.* only, but Graph's own 403 for GET /security/alerts_v2 names
// "API required roles: SecurityAlert.Read.All,SecurityAlert.ReadWrite.All,SecurityIncident.Read.All,
// SecurityIncident.ReadWrite.All" (quoted in wazuh/wazuh-documentation#7300, 2024-05-08). The API's answer decides
// what works, so the incident roles are accepted too, after the alert roles.
const ALERTS_V2_ACCEPTS_INCIDENT_ROLES =
  "Application column: the page lists SecurityAlert.* only; Graph's own 403 answer also accepts SecurityIncident.Read.All / ReadWrite.All (wazuh/wazuh-documentation#7300)."

// The legacy alerts API (microsoft.graph.alert) "is deprecated and will be removed by April 2026"
// (resources/security-api-overview, v1.0, checked 2026-11-30).
const LEGACY_GRAPH_ALERTS = {
  replacement: 'GET /security/alerts_v2',
  note: 'The legacy alerts API is retired (removal moved from 2026-04-10 to 2026-08-31 to 2026-10-15; see lifecycle); use alerts_v2 and SecurityAlert.* permissions.',
}

const OPERATIONS: readonly CatalogOperation[] = [
  // Incidents
  op(
    'GET',
    '/security/incidents',
    INCIDENT_READ,
    INCIDENT_READ,
    v1('security-list-incidents', 'Incidents', 'List incidents', { userRole: ROLE_SECURITY_READ }),
  ),
  op(
    'GET',
    '/security/incidents/{incidentId}',
    INCIDENT_READ,
    INCIDENT_READ,
    v1('security-incident-get', 'Incidents', 'Get incident', { userRole: ROLE_SECURITY_READ }),
  ),
  op(
    'PATCH',
    '/security/incidents/{incidentId}',
    INCIDENT_WRITE,
    INCIDENT_WRITE,
    v1('security-incident-update', 'Incidents', 'Update incident', { userRole: ROLE_SECURITY_WRITE }),
  ),
  op(
    'POST',
    '/security/incidents/{incidentId}/comments',
    INCIDENT_WRITE,
    INCIDENT_WRITE,
    v1('security-incident-post-comments', 'Incidents', 'Comment on an incident', {
      userRole: ROLE_SECURITY_WRITE,
    }),
  ),
  // Alerts
  op(
    'GET',
    '/security/alerts_v2',
    ALERT_READ_APP,
    ALERT_READ,
    v1('security-list-alerts_v2', 'Alerts', 'List alerts', {
      userRole: ROLE_SECURITY_READ,
      correction: ALERTS_V2_ACCEPTS_INCIDENT_ROLES,
    }),
  ),
  op(
    'GET',
    '/security/alerts_v2/{alertId}',
    ALERT_READ_APP,
    ALERT_READ,
    v1('security-alert-get', 'Alerts', 'Get alert', {
      userRole: ROLE_SECURITY_READ,
      correction: ALERTS_V2_ACCEPTS_INCIDENT_ROLES,
    }),
  ),
  op(
    'PATCH',
    '/security/alerts_v2/{alertId}',
    ALERT_WRITE,
    ALERT_WRITE,
    v1('security-alert-update', 'Alerts', 'Update alert', { userRole: ROLE_SECURITY_WRITE }),
  ),
  op(
    'POST',
    '/security/alerts_v2/{alertId}/comments',
    ALERT_WRITE,
    ALERT_WRITE,
    v1('security-alert-post-comments', 'Alerts', 'Comment on an alert', { userRole: ROLE_SECURITY_WRITE }),
  ),
  // Legacy alerts
  op(
    'GET',
    '/security/alerts',
    EVENTS_READ,
    EVENTS_READ,
    v1('alert-list', 'Legacy alerts', 'List legacy alerts (retired)', {
      legacy: LEGACY_GRAPH_ALERTS,
      lifecycle: GRAPH_LEGACY_ALERTS_LIFECYCLE,
      rateLimits: GRAPH_SECURITY_ALERT_LIMITS,
    }),
  ),
  op(
    'GET',
    '/security/alerts/{alertId}',
    EVENTS_READ,
    EVENTS_READ,
    v1('alert-get', 'Legacy alerts', 'Get legacy alert (retired)', {
      legacy: LEGACY_GRAPH_ALERTS,
      lifecycle: GRAPH_LEGACY_ALERTS_LIFECYCLE,
      rateLimits: GRAPH_SECURITY_ALERT_LIMITS,
    }),
  ),
  op(
    'PATCH',
    '/security/alerts/{alertId}',
    EVENTS_WRITE,
    EVENTS_WRITE,
    v1('alert-update', 'Legacy alerts', 'Update legacy alert (retired)', {
      legacy: LEGACY_GRAPH_ALERTS,
      lifecycle: GRAPH_LEGACY_ALERT_UPDATE_LIFECYCLE,
      rateLimits: GRAPH_SECURITY_ALERT_LIMITS,
    }),
  ),
  // Advanced hunting
  op(
    'POST',
    '/security/runHuntingQuery',
    HUNTING,
    HUNTING,
    v1('security-security-runhuntingquery', 'Advanced hunting', 'Run an advanced hunting query'),
  ),
  // Secure score
  op(
    'GET',
    '/security/secureScores',
    EVENTS_READ,
    EVENTS_READ,
    v1('security-list-securescores', 'Secure score', 'List secure scores'),
  ),
  op(
    'GET',
    '/security/secureScores/{secureScoreId}',
    EVENTS_READ,
    EVENTS_READ,
    v1('securescore-get', 'Secure score', 'Get secure score'),
  ),
  op(
    'GET',
    '/security/secureScoreControlProfiles',
    EVENTS_READ,
    EVENTS_READ,
    v1('security-list-securescorecontrolprofiles', 'Secure score', 'List secure score control profiles'),
  ),
  op(
    'GET',
    '/security/secureScoreControlProfiles/{secureScoreControlProfileId}',
    EVENTS_READ,
    EVENTS_READ,
    v1('securescorecontrolprofile-get', 'Secure score', 'Get secure score control profile'),
  ),
  op(
    'PATCH',
    '/security/secureScoreControlProfiles/{secureScoreControlProfileId}',
    EVENTS_WRITE,
    EVENTS_WRITE,
    v1('securescorecontrolprofile-update', 'Secure score', 'Update secure score control profile'),
  ),
  // Threat intelligence
  op(
    'GET',
    '/security/threatIntelligence/articles',
    TI_READ,
    TI_READ,
    v1('security-threatintelligence-list-articles', 'Threat intelligence', 'List articles'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/articles/{articleId}',
    TI_READ,
    TI_READ,
    v1('security-article-get', 'Threat intelligence', 'Get article'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/articles/{articleId}/indicators',
    TI_READ,
    TI_READ,
    v1('security-article-list-indicators', 'Threat intelligence', 'List article indicators'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/articleIndicators/{articleIndicatorId}',
    TI_READ,
    TI_READ,
    v1('security-articleindicator-get', 'Threat intelligence', 'Get article indicator'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/hosts/{hostId}',
    TI_READ,
    TI_READ,
    v1('security-host-get', 'Threat intelligence', 'Get host'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/hosts/{hostId}/reputation',
    TI_READ,
    TI_READ,
    v1('security-host-get-reputation', 'Threat intelligence', 'Get host reputation'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/hosts/{hostId}/components',
    TI_READ,
    TI_READ,
    v1('security-host-list-components', 'Threat intelligence', 'List host components'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/hosts/{hostId}/cookies',
    TI_READ,
    TI_READ,
    v1('security-host-list-cookies', 'Threat intelligence', 'List host cookies'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/hosts/{hostId}/trackers',
    TI_READ,
    TI_READ,
    v1('security-host-list-trackers', 'Threat intelligence', 'List host trackers'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/hosts/{hostId}/hostPairs',
    TI_READ,
    TI_READ,
    v1('security-host-list-hostpairs', 'Threat intelligence', 'List host pairs'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/hosts/{hostId}/childHostPairs',
    TI_READ,
    TI_READ,
    v1('security-host-list-childhostpairs', 'Threat intelligence', 'List child host pairs'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/hosts/{hostId}/parentHostPairs',
    TI_READ,
    TI_READ,
    v1('security-host-list-parenthostpairs', 'Threat intelligence', 'List parent host pairs'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/hosts/{hostId}/passiveDns',
    TI_READ,
    TI_READ,
    v1('security-host-list-passivedns', 'Threat intelligence', 'List passive DNS records'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/hosts/{hostId}/passiveDnsReverse',
    TI_READ,
    TI_READ,
    v1('security-host-list-passivednsreverse', 'Threat intelligence', 'List reverse passive DNS records'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/hostComponents/{hostComponentId}',
    TI_READ,
    TI_READ,
    v1('security-hostcomponent-get', 'Threat intelligence', 'Get host component'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/hostCookies/{hostCookieId}',
    TI_READ,
    TI_READ,
    v1('security-hostcookie-get', 'Threat intelligence', 'Get host cookie'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/hostTrackers/{hostTrackerId}',
    TI_READ,
    TI_READ,
    v1('security-hosttracker-get', 'Threat intelligence', 'Get host tracker'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/hostPairs/{hostPairId}',
    TI_READ,
    TI_READ,
    v1('security-hostpair-get', 'Threat intelligence', 'Get host pair'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/intelProfiles',
    TI_READ,
    TI_READ,
    v1('security-threatintelligence-list-intelprofiles', 'Threat intelligence', 'List intelligence profiles'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/intelProfiles/{intelligenceProfileId}',
    TI_READ,
    TI_READ,
    v1('security-intelligenceprofile-get', 'Threat intelligence', 'Get intelligence profile'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/intelProfiles/{intelligenceProfileId}/indicators',
    TI_READ,
    TI_READ,
    v1(
      'security-intelligenceprofile-list-indicators',
      'Threat intelligence',
      'List intelligence profile indicators',
    ),
  ),
  op(
    'GET',
    '/security/threatIntelligence/intelligenceProfileIndicators/{intelligenceProfileIndicatorId}',
    TI_READ,
    TI_READ,
    v1(
      'security-intelligenceprofileindicator-get',
      'Threat intelligence',
      'Get intelligence profile indicator',
    ),
  ),
  op(
    'GET',
    '/security/threatIntelligence/passiveDnsRecords/{passiveDnsRecordId}',
    TI_READ,
    TI_READ,
    v1('security-passivednsrecord-get', 'Threat intelligence', 'Get passive DNS record'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/vulnerabilities/{vulnerabilityId}',
    TI_READ,
    TI_READ,
    v1('security-vulnerability-get', 'Threat intelligence', 'Get vulnerability'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/vulnerabilities/{vulnerabilityId}/components',
    TI_READ,
    TI_READ,
    v1('security-vulnerability-list-components', 'Threat intelligence', 'List vulnerability components'),
  ),
  op(
    'GET',
    '/security/threatIntelligence/vulnerabilities/{vulnerabilityId}/components/{vulnerabilityComponentId}',
    TI_READ,
    TI_READ,
    v1('security-vulnerabilitycomponent-get', 'Threat intelligence', 'Get vulnerability component'),
  ),
  // Attack simulation
  op(
    'GET',
    '/security/attackSimulation/simulations',
    SIMULATION_READ,
    SIMULATION_READ,
    v1(res('attacksimulationroot'), 'Attack simulation', 'List simulations'),
  ),
  op(
    'POST',
    '/security/attackSimulation/simulations',
    SIMULATION_WRITE,
    SIMULATION_WRITE,
    v1(res('attacksimulationroot'), 'Attack simulation', 'Create simulation'),
  ),
  op(
    'GET',
    '/security/attackSimulation/simulations/{simulationId}',
    SIMULATION_READ,
    SIMULATION_READ,
    v1(res('attacksimulationroot'), 'Attack simulation', 'Get simulation'),
  ),
  op(
    'PATCH',
    '/security/attackSimulation/simulations/{simulationId}',
    SIMULATION_WRITE,
    SIMULATION_WRITE,
    v1(res('attacksimulationroot'), 'Attack simulation', 'Update simulation'),
  ),
  op(
    'DELETE',
    '/security/attackSimulation/simulations/{simulationId}',
    SIMULATION_WRITE,
    SIMULATION_WRITE,
    v1(res('attacksimulationroot'), 'Attack simulation', 'Delete simulation'),
  ),
  op(
    'GET',
    '/security/attackSimulation/simulations/{simulationId}/payload',
    SIMULATION_READ,
    SIMULATION_READ,
    v1(res('attacksimulationroot'), 'Attack simulation', 'Get simulation payload'),
  ),
  op(
    'GET',
    '/security/attackSimulation/simulations/{simulationId}/landingPage',
    SIMULATION_READ,
    SIMULATION_READ,
    v1(res('attacksimulationroot'), 'Attack simulation', 'Get simulation landing page'),
  ),
  op(
    'GET',
    '/security/attackSimulation/simulations/{simulationId}/loginPage',
    SIMULATION_READ,
    SIMULATION_READ,
    v1(res('attacksimulationroot'), 'Attack simulation', 'Get simulation login page'),
  ),
  op(
    'GET',
    '/security/attackSimulation/simulationAutomations',
    SIMULATION_READ,
    SIMULATION_READ,
    v1(res('attacksimulationroot'), 'Attack simulation', 'List simulation automations'),
  ),
  op(
    'GET',
    '/security/attackSimulation/simulationAutomations/{simulationAutomationId}',
    SIMULATION_READ,
    SIMULATION_READ,
    v1(res('attacksimulationroot'), 'Attack simulation', 'Get simulation automation'),
  ),
  op(
    'GET',
    '/security/attackSimulation/simulationAutomations/{simulationAutomationId}/runs',
    SIMULATION_READ,
    SIMULATION_READ,
    v1(res('attacksimulationroot'), 'Attack simulation', 'List simulation automation runs'),
  ),
  op(
    'GET',
    '/security/attackSimulation/trainings',
    SIMULATION_READ,
    SIMULATION_READ,
    v1(res('attacksimulationroot'), 'Attack simulation', 'List trainings'),
  ),
  op(
    'GET',
    '/security/attackSimulation/trainings/{trainingId}',
    SIMULATION_READ,
    SIMULATION_READ,
    v1(res('attacksimulationroot'), 'Attack simulation', 'Get training'),
  ),
  op(
    'GET',
    '/security/attackSimulation/trainings/{trainingId}/languageDetails',
    SIMULATION_READ,
    SIMULATION_READ,
    v1(res('attacksimulationroot'), 'Attack simulation', 'List training language details'),
  ),
  op(
    'GET',
    '/security/attackSimulation/payloads',
    SIMULATION_READ,
    SIMULATION_READ,
    v1(res('attacksimulationroot'), 'Attack simulation', 'List payloads'),
  ),
  op(
    'GET',
    '/security/attackSimulation/payloads/{payloadId}',
    SIMULATION_READ,
    SIMULATION_READ,
    v1(res('attacksimulationroot'), 'Attack simulation', 'Get payload'),
  ),
  op(
    'GET',
    '/security/attackSimulation/landingPages',
    SIMULATION_READ,
    SIMULATION_READ,
    v1(res('attacksimulationroot'), 'Attack simulation', 'List landing pages'),
  ),
  op(
    'GET',
    '/security/attackSimulation/landingPages/{landingPageId}',
    SIMULATION_READ,
    SIMULATION_READ,
    v1(res('attacksimulationroot'), 'Attack simulation', 'Get landing page'),
  ),
  op(
    'GET',
    '/security/attackSimulation/landingPages/{landingPageId}/details',
    SIMULATION_READ,
    SIMULATION_READ,
    v1(res('attacksimulationroot'), 'Attack simulation', 'List landing page details'),
  ),
  op(
    'GET',
    '/security/attackSimulation/loginPages',
    SIMULATION_READ,
    SIMULATION_READ,
    v1(res('attacksimulationroot'), 'Attack simulation', 'List login pages'),
  ),
  op(
    'GET',
    '/security/attackSimulation/loginPages/{loginPageId}',
    SIMULATION_READ,
    SIMULATION_READ,
    v1(res('attacksimulationroot'), 'Attack simulation', 'Get login page'),
  ),
  op(
    'GET',
    '/security/attackSimulation/endUserNotifications',
    SIMULATION_READ,
    SIMULATION_READ,
    v1(res('attacksimulationroot'), 'Attack simulation', 'List end-user notifications'),
  ),
  op(
    'GET',
    '/security/attackSimulation/endUserNotifications/{endUserNotificationId}/details',
    SIMULATION_READ,
    SIMULATION_READ,
    v1(res('attacksimulationroot'), 'Attack simulation', 'List end-user notification details'),
  ),
  op(
    'GET',
    '/security/attackSimulation/operations/{attackSimulationOperationId}',
    SIMULATION_READ,
    SIMULATION_READ,
    v1(res('attacksimulationroot'), 'Attack simulation', 'Get attack simulation operation'),
  ),
  // eDiscovery
  op(
    'GET',
    '/security/cases/ediscoveryCases',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1('security-casesroot-list-ediscoverycases', 'eDiscovery', 'List eDiscovery cases', {
      userRole: ROLE_EDISCOVERY_READ,
    }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1('security-casesroot-post-ediscoverycases', 'eDiscovery', 'Create eDiscovery case', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'GET',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1('security-ediscoverycase-get', 'eDiscovery', 'Get eDiscovery case', {
      userRole: ROLE_EDISCOVERY_READ,
    }),
  ),
  op(
    'PATCH',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1('security-ediscoverycase-update', 'eDiscovery', 'Update eDiscovery case', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'DELETE',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1('security-casesroot-delete-ediscoverycases', 'eDiscovery', 'Delete eDiscovery case', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/close',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1('security-ediscoverycase-close', 'eDiscovery', 'Close eDiscovery case', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/reopen',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1('security-ediscoverycase-reopen', 'eDiscovery', 'Reopen eDiscovery case', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'GET',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/custodians',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'List custodians', { userRole: ROLE_EDISCOVERY_READ }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/custodians',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Add custodian', { userRole: ROLE_EDISCOVERY_WRITE }),
  ),
  op(
    'GET',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/custodians/{ediscoveryCustodianId}',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Get custodian', { userRole: ROLE_EDISCOVERY_READ }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/custodians/{ediscoveryCustodianId}/activate',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Activate custodian', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/custodians/{ediscoveryCustodianId}/release',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Release custodian', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/custodians/{ediscoveryCustodianId}/applyHold',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Apply hold to custodian', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/custodians/{ediscoveryCustodianId}/removeHold',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Remove hold from custodian', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/custodians/{ediscoveryCustodianId}/updateIndex',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Update custodian index', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/custodians/applyHold',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Apply hold to custodians', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/custodians/removeHold',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Remove hold from custodians', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'GET',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/searches',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'List searches', { userRole: ROLE_EDISCOVERY_READ }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/searches',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Create search', { userRole: ROLE_EDISCOVERY_WRITE }),
  ),
  op(
    'GET',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/searches/{ediscoverySearchId}',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Get search', { userRole: ROLE_EDISCOVERY_READ }),
  ),
  op(
    'PATCH',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/searches/{ediscoverySearchId}',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Update search', { userRole: ROLE_EDISCOVERY_WRITE }),
  ),
  op(
    'DELETE',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/searches/{ediscoverySearchId}',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Delete search', { userRole: ROLE_EDISCOVERY_WRITE }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/searches/{ediscoverySearchId}/estimateStatistics',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Estimate search statistics', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/searches/{ediscoverySearchId}/exportReport',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Export search report', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/searches/{ediscoverySearchId}/exportResult',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Export search results', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/searches/{ediscoverySearchId}/purgeData',
    EDISCOVERY_WRITE,
    EDISCOVERY_WRITE,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Purge data found by a search', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'GET',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/reviewSets',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'List review sets', { userRole: ROLE_EDISCOVERY_READ }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/reviewSets',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Create review set', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'GET',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/reviewSets/{ediscoveryReviewSetId}',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Get review set', { userRole: ROLE_EDISCOVERY_READ }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/reviewSets/{ediscoveryReviewSetId}/addToReviewSet',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Add to review set', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/reviewSets/{ediscoveryReviewSetId}/export',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Export review set', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'GET',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/reviewSets/{ediscoveryReviewSetId}/queries',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'List review set queries', {
      userRole: ROLE_EDISCOVERY_READ,
    }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/reviewSets/{ediscoveryReviewSetId}/queries',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Create review set query', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'GET',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/reviewSets/{ediscoveryReviewSetId}/queries/{ediscoveryReviewSetQueryId}',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Get review set query', {
      userRole: ROLE_EDISCOVERY_READ,
    }),
  ),
  op(
    'PATCH',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/reviewSets/{ediscoveryReviewSetId}/queries/{ediscoveryReviewSetQueryId}',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Update review set query', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'DELETE',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/reviewSets/{ediscoveryReviewSetId}/queries/{ediscoveryReviewSetQueryId}',
    EDISCOVERY_WRITE,
    EDISCOVERY_WRITE,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Delete review set query', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/reviewSets/{ediscoveryReviewSetId}/queries/{ediscoveryReviewSetQueryId}/applyTags',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Tag review set query results', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/reviewSets/{ediscoveryReviewSetId}/queries/{ediscoveryReviewSetQueryId}/export',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Export review set query results', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'GET',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/legalHolds',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'List holds', { userRole: ROLE_EDISCOVERY_READ }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/legalHolds',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Create hold', { userRole: ROLE_EDISCOVERY_WRITE }),
  ),
  op(
    'GET',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/legalHolds/{ediscoveryHoldPolicyId}',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Get hold', { userRole: ROLE_EDISCOVERY_READ }),
  ),
  op(
    'PATCH',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/legalHolds/{ediscoveryHoldPolicyId}',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Update hold', { userRole: ROLE_EDISCOVERY_WRITE }),
  ),
  op(
    'DELETE',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/legalHolds/{ediscoveryHoldPolicyId}',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Delete hold', { userRole: ROLE_EDISCOVERY_WRITE }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/noncustodialDataSources',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Add non-custodial data source', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'GET',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/noncustodialDataSources/{ediscoveryNoncustodialDataSourceId}',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Get non-custodial data source', {
      userRole: ROLE_EDISCOVERY_READ,
    }),
  ),
  op(
    'GET',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/operations',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'List case operations', {
      userRole: ROLE_EDISCOVERY_READ,
    }),
  ),
  op(
    'GET',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/operations/{caseOperationId}',
    EDISCOVERY_WRITE,
    EDISCOVERY_WRITE,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Get case operation', {
      userRole: ROLE_EDISCOVERY_READ,
    }),
  ),
  op(
    'GET',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/settings',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Get case settings', { userRole: ROLE_EDISCOVERY_READ }),
  ),
  op(
    'PATCH',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/settings',
    EDISCOVERY_WRITE,
    EDISCOVERY_WRITE,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Update case settings', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/settings/resetToDefault',
    EDISCOVERY_WRITE,
    EDISCOVERY_WRITE,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Reset case settings', {
      userRole: ROLE_EDISCOVERY_WRITE,
    }),
  ),
  op(
    'GET',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/tags',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'List tags', { userRole: ROLE_EDISCOVERY_READ }),
  ),
  op(
    'POST',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/tags',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Create tag', { userRole: ROLE_EDISCOVERY_WRITE }),
  ),
  op(
    'GET',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/tags/asHierarchy',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'List tags as a hierarchy', {
      userRole: ROLE_EDISCOVERY_READ,
    }),
  ),
  op(
    'GET',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/tags/{ediscoveryReviewTagId}',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Get tag', { userRole: ROLE_EDISCOVERY_READ }),
  ),
  op(
    'PATCH',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/tags/{ediscoveryReviewTagId}',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Update tag', { userRole: ROLE_EDISCOVERY_WRITE }),
  ),
  op(
    'DELETE',
    '/security/cases/ediscoveryCases/{ediscoveryCaseId}/tags/{ediscoveryReviewTagId}',
    EDISCOVERY_ANY,
    EDISCOVERY_ANY,
    v1(res('security-ediscoverycase'), 'eDiscovery', 'Delete tag', { userRole: ROLE_EDISCOVERY_WRITE }),
  ),
  // Identities
  op(
    'GET',
    '/security/identities/healthIssues',
    HEALTH_READ,
    HEALTH_READ,
    v1('security-identitycontainer-list-healthissues', 'Identities', 'List health issues', {
      userRole: ROLE_MDI,
    }),
  ),
  op(
    'GET',
    '/security/identities/healthIssues/{healthIssueId}',
    HEALTH_READ,
    HEALTH_READ,
    v1('security-healthissue-get', 'Identities', 'Get health issue', { userRole: ROLE_MDI }),
  ),
  op(
    'PATCH',
    '/security/identities/healthIssues/{healthIssueId}',
    HEALTH_WRITE,
    HEALTH_WRITE,
    v1('security-healthissue-update', 'Identities', 'Update health issue', { userRole: ROLE_MDI }),
  ),
  op(
    'GET',
    '/security/identities/sensors',
    SENSORS_READ,
    SENSORS_READ,
    v1(res('security-sensor'), 'Identities', 'List sensors', { userRole: ROLE_MDI }),
  ),
  op(
    'GET',
    '/security/identities/sensors/{sensorId}',
    SENSORS_READ,
    SENSORS_READ,
    v1(res('security-sensor'), 'Identities', 'Get sensor', { userRole: ROLE_MDI }),
  ),
  op(
    'PATCH',
    '/security/identities/sensors/{sensorId}',
    SENSORS_WRITE,
    SENSORS_WRITE,
    v1(res('security-sensor'), 'Identities', 'Update sensor', { userRole: ROLE_MDI }),
  ),
  op(
    'GET',
    '/security/identities/sensors/getDeploymentAccessKey',
    SENSORS_WRITE,
    SENSORS_WRITE,
    v1(res('security-sensor'), 'Identities', 'Get sensor deployment access key', { userRole: ROLE_MDI }),
  ),
  op(
    'GET',
    '/security/identities/sensors/getDeploymentPackageUri',
    SENSORS_READ,
    SENSORS_READ,
    v1(res('security-sensor'), 'Identities', 'Get sensor deployment package URI', { userRole: ROLE_MDI }),
  ),
  op(
    'POST',
    '/security/identities/sensors/regenerateDeploymentAccessKey',
    SENSORS_WRITE,
    SENSORS_WRITE,
    v1(res('security-sensor'), 'Identities', 'Regenerate sensor deployment access key', {
      userRole: ROLE_MDI,
    }),
  ),
  op(
    'GET',
    '/security/identities/identityAccounts',
    ACCOUNTS_READ,
    ACCOUNTS_READ,
    v1(res('security-identityaccounts'), 'Identities', 'List identity accounts', { userRole: ROLE_MDI }),
  ),
  op(
    'GET',
    '/security/identities/identityAccounts/{identityAccountsId}',
    ACCOUNTS_READ,
    ACCOUNTS_READ,
    v1(res('security-identityaccounts'), 'Identities', 'Get identity account', { userRole: ROLE_MDI }),
  ),
  op(
    'POST',
    '/security/identities/identityAccounts/{identityAccountsId}/invokeAction',
    ACCOUNT_ACTIONS,
    ACCOUNT_ACTIONS,
    v1(res('security-identityaccounts'), 'Identities', 'Invoke an action on an identity account', {
      userRole: ROLE_MDI,
    }),
  ),
  // Records management
  op(
    'GET',
    '/security/labels/retentionLabels',
    [],
    RECORDS_READ,
    v1(res('security-retentionlabel'), 'Records management', 'List retention labels'),
  ),
  op(
    'POST',
    '/security/labels/retentionLabels',
    [],
    RECORDS_WRITE,
    v1(res('security-retentionlabel'), 'Records management', 'Create retention label'),
  ),
  op(
    'GET',
    '/security/labels/retentionLabels/{retentionLabelId}',
    [],
    RECORDS_READ,
    v1(res('security-retentionlabel'), 'Records management', 'Get retention label'),
  ),
  op(
    'PATCH',
    '/security/labels/retentionLabels/{retentionLabelId}',
    [],
    RECORDS_WRITE,
    v1(res('security-retentionlabel'), 'Records management', 'Update retention label'),
  ),
  op(
    'DELETE',
    '/security/labels/retentionLabels/{retentionLabelId}',
    [],
    RECORDS_WRITE,
    v1(res('security-retentionlabel'), 'Records management', 'Delete retention label'),
  ),
  op(
    'GET',
    '/security/triggers/retentionEvents',
    RECORDS_READ,
    RECORDS_READ,
    v1(res('security-retentionevent'), 'Records management', 'List retention events'),
  ),
  op(
    'POST',
    '/security/triggers/retentionEvents',
    RECORDS_WRITE,
    RECORDS_WRITE,
    v1(res('security-retentionevent'), 'Records management', 'Create retention event'),
  ),
  op(
    'GET',
    '/security/triggers/retentionEvents/{retentionEventId}',
    RECORDS_READ,
    RECORDS_READ,
    v1(res('security-retentionevent'), 'Records management', 'Get retention event'),
  ),
  op(
    'DELETE',
    '/security/triggers/retentionEvents/{retentionEventId}',
    RECORDS_WRITE,
    RECORDS_WRITE,
    v1(res('security-retentionevent'), 'Records management', 'Delete retention event'),
  ),
  op(
    'GET',
    '/security/triggerTypes/retentionEventTypes',
    RECORDS_READ,
    RECORDS_READ,
    v1(res('security-retentioneventtype'), 'Records management', 'List retention event types'),
  ),
  op(
    'POST',
    '/security/triggerTypes/retentionEventTypes',
    RECORDS_WRITE,
    RECORDS_WRITE,
    v1(res('security-retentioneventtype'), 'Records management', 'Create retention event type'),
  ),
  op(
    'GET',
    '/security/triggerTypes/retentionEventTypes/{retentionEventTypeId}',
    RECORDS_READ,
    RECORDS_READ,
    v1(res('security-retentioneventtype'), 'Records management', 'Get retention event type'),
  ),
  op(
    'DELETE',
    '/security/triggerTypes/retentionEventTypes/{retentionEventTypeId}',
    RECORDS_WRITE,
    RECORDS_WRITE,
    v1(res('security-retentioneventtype'), 'Records management', 'Delete retention event type'),
  ),
  // Subject rights requests
  op(
    'GET',
    '/security/subjectRightsRequests',
    [],
    SRR_READ,
    v1(res('subjectrightsrequest'), 'Subject rights requests', 'List subject rights requests'),
  ),
  op(
    'POST',
    '/security/subjectRightsRequests',
    [],
    SRR_WRITE,
    v1(res('subjectrightsrequest'), 'Subject rights requests', 'Create subject rights request'),
  ),
  op(
    'GET',
    '/security/subjectRightsRequests/{subjectRightsRequestId}',
    [],
    SRR_READ,
    v1(res('subjectrightsrequest'), 'Subject rights requests', 'Get subject rights request'),
  ),
  op(
    'PATCH',
    '/security/subjectRightsRequests/{subjectRightsRequestId}',
    [],
    SRR_WRITE,
    v1(res('subjectrightsrequest'), 'Subject rights requests', 'Update subject rights request'),
  ),
  op(
    'GET',
    '/security/subjectRightsRequests/{subjectRightsRequestId}/notes',
    [],
    SRR_READ,
    v1(res('subjectrightsrequest'), 'Subject rights requests', 'List notes'),
  ),
  op(
    'POST',
    '/security/subjectRightsRequests/{subjectRightsRequestId}/notes',
    [],
    SRR_WRITE,
    v1(res('subjectrightsrequest'), 'Subject rights requests', 'Create note'),
  ),
  op(
    'GET',
    '/security/subjectRightsRequests/{subjectRightsRequestId}/getFinalAttachment',
    [],
    SRR_READ,
    v1(res('subjectrightsrequest'), 'Subject rights requests', 'Get final attachment'),
  ),
  op(
    'GET',
    '/security/subjectRightsRequests/{subjectRightsRequestId}/getFinalReport',
    [],
    SRR_READ,
    v1(res('subjectrightsrequest'), 'Subject rights requests', 'Get final report'),
  ),
  // Audit log
  op(
    'GET',
    '/security/auditLog/queries',
    AUDIT_QUERY,
    AUDIT_QUERY,
    v1(res('security-auditlogquery'), 'Audit log', 'List audit log queries'),
  ),
  op(
    'POST',
    '/security/auditLog/queries',
    AUDIT_QUERY,
    AUDIT_QUERY,
    v1(res('security-auditlogquery'), 'Audit log', 'Create audit log query'),
  ),
  op(
    'GET',
    '/security/auditLog/queries/{auditLogQueryId}',
    AUDIT_QUERY,
    AUDIT_QUERY,
    v1(res('security-auditlogquery'), 'Audit log', 'Get audit log query'),
  ),
  op(
    'GET',
    '/security/auditLog/queries/{auditLogQueryId}/records',
    AUDIT_QUERY,
    AUDIT_QUERY,
    v1(res('security-auditlogquery'), 'Audit log', 'List audit log records'),
  ),
  // Email analysis
  op(
    'GET',
    '/security/collaboration/analyzedEmails',
    ANALYZED_READ,
    [],
    v1(res('security-analyzedemail'), 'Email analysis', 'List analyzed emails'),
  ),
  op(
    'GET',
    '/security/collaboration/analyzedEmails/{analyzedEmailId}',
    ANALYZED_READ,
    [],
    v1(res('security-analyzedemail'), 'Email analysis', 'Get analyzed email'),
  ),
  op(
    'POST',
    '/security/collaboration/analyzedEmails/remediate',
    ANALYZED_WRITE,
    [],
    v1(res('security-analyzedemail'), 'Email analysis', 'Remediate analyzed emails'),
  ),
  // Data security and governance
  op(
    'POST',
    '/security/dataSecurityAndGovernance/protectionScopes/compute',
    PROTECTION_SCOPES,
    PROTECTION_SCOPES,
    v1(
      res('tenantdatasecurityandgovernance'),
      'Data security and governance',
      'Compute tenant protection scopes',
    ),
  ),
  op(
    'POST',
    '/security/dataSecurityAndGovernance/processContentAsync',
    CONTENT_PROCESS,
    CONTENT_PROCESS,
    v1(
      res('tenantdatasecurityandgovernance'),
      'Data security and governance',
      'Process content asynchronously',
    ),
  ),
  // Information protection
  op(
    'GET',
    '/security/informationProtection/sensitivityLabels',
    LABELS_APP,
    LABELS_DEL,
    beta(
      'security-informationprotection-list-sensitivitylabels',
      'Information protection',
      'List sensitivity labels',
    ),
  ),
  op(
    'GET',
    '/security/informationProtection/sensitivityLabels/{sensitivityLabelId}',
    LABELS_APP,
    LABELS_DEL,
    beta('security-sensitivitylabel-get', 'Information protection', 'Get sensitivity label'),
  ),
  op(
    'GET',
    '/security/informationProtection/labelPolicySettings',
    LABELS_APP,
    LABELS_DEL,
    beta(
      'security-informationprotectionpolicysetting-get',
      'Information protection',
      'Get label policy settings',
    ),
  ),
  // Threat submission
  op(
    'GET',
    '/security/threatSubmission/emailThreats',
    SUBMISSION_READ,
    SUBMISSION_READ,
    beta(res('security-threatsubmissionroot'), 'Threat submission', 'List emailThreats'),
  ),
  op(
    'POST',
    '/security/threatSubmission/emailThreats',
    SUBMISSION_WRITE,
    SUBMISSION_WRITE,
    beta(res('security-threatsubmissionroot'), 'Threat submission', 'Submit emailThreat'),
  ),
  op(
    'GET',
    '/security/threatSubmission/emailThreats/{id}',
    SUBMISSION_READ,
    SUBMISSION_READ,
    beta(res('security-threatsubmissionroot'), 'Threat submission', 'Get emailThreat'),
  ),
  op(
    'GET',
    '/security/threatSubmission/urlThreats',
    SUBMISSION_READ,
    SUBMISSION_READ,
    beta(res('security-threatsubmissionroot'), 'Threat submission', 'List urlThreats'),
  ),
  op(
    'POST',
    '/security/threatSubmission/urlThreats',
    SUBMISSION_WRITE,
    SUBMISSION_WRITE,
    beta(res('security-threatsubmissionroot'), 'Threat submission', 'Submit urlThreat'),
  ),
  op(
    'GET',
    '/security/threatSubmission/urlThreats/{id}',
    SUBMISSION_READ,
    SUBMISSION_READ,
    beta(res('security-threatsubmissionroot'), 'Threat submission', 'Get urlThreat'),
  ),
  op(
    'GET',
    '/security/threatSubmission/fileThreats',
    SUBMISSION_READ,
    SUBMISSION_READ,
    beta(res('security-threatsubmissionroot'), 'Threat submission', 'List fileThreats'),
  ),
  op(
    'POST',
    '/security/threatSubmission/fileThreats',
    SUBMISSION_WRITE,
    SUBMISSION_WRITE,
    beta(res('security-threatsubmissionroot'), 'Threat submission', 'Submit fileThreat'),
  ),
  op(
    'GET',
    '/security/threatSubmission/fileThreats/{id}',
    SUBMISSION_READ,
    SUBMISSION_READ,
    beta(res('security-threatsubmissionroot'), 'Threat submission', 'Get fileThreat'),
  ),
  // Custom detection rules
  op(
    'GET',
    '/security/rules/detectionRules',
    DETECTION_READ,
    DETECTION_READ,
    beta(res('security-detectionrule'), 'Custom detection rules', 'List custom detection rules'),
  ),
  op(
    'POST',
    '/security/rules/detectionRules',
    DETECTION_WRITE,
    DETECTION_WRITE,
    beta(res('security-detectionrule'), 'Custom detection rules', 'Create custom detection rule'),
  ),
  op(
    'GET',
    '/security/rules/detectionRules/{detectionRuleId}',
    DETECTION_READ,
    DETECTION_READ,
    beta(res('security-detectionrule'), 'Custom detection rules', 'Get custom detection rule'),
  ),
  op(
    'PATCH',
    '/security/rules/detectionRules/{detectionRuleId}',
    DETECTION_WRITE,
    DETECTION_WRITE,
    beta(res('security-detectionrule'), 'Custom detection rules', 'Update custom detection rule'),
  ),
  op(
    'DELETE',
    '/security/rules/detectionRules/{detectionRuleId}',
    DETECTION_WRITE,
    DETECTION_WRITE,
    beta(res('security-detectionrule'), 'Custom detection rules', 'Delete custom detection rule'),
  ),
]

export const GRAPH_CATALOG: PermissionCatalog = {
  id: 'graph',
  name: 'Microsoft Graph',
  appId: API_RESOURCES.graph.appId,
  identifierUris: API_RESOURCES.graph.identifierUris,
  hosts: API_RESOURCES.graph.hosts,
  resourceByCloud: API_RESOURCES.graph.resourceByCloud,
  // Most security operations also check the signed-in user's Entra, Defender or Purview role (userRole per row).
  delegatedNeedsUserRole: true,
  permissions: PERMISSIONS,
  aliases: {},
  operations: OPERATIONS,
  idSources: [
    'microsoftgraph/microsoft-graph-devx-content permissions/new/provisioningInfo.json (public-cloud IDs of every Graph permission)',
    'o365soa/soa SOA/SOA-Prerequisites.psm1 (GCC High / DoD app-role IDs of SecurityIncident.Read.All, SecurityAlert.Read.All, ThreatHunting.Read.All)',
  ],
}
