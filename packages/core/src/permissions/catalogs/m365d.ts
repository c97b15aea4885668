import {
  XDR_GET_INCIDENT_LIMITS,
  XDR_HUNTING_LIFECYCLE,
  XDR_HUNTING_LIMITS,
  XDR_INCIDENTS_LIMITS,
} from './lifecycles.js'
import { API_RESOURCES } from '../../entra/apis.js'
import type { CatalogOperation, CatalogPermission, PermissionCatalog } from '../types.js'

// Microsoft 365 Defender / Defender XDR ("Microsoft Threat Protection"). Data only.
//
// These operations still answer, but their pages now send callers to the Microsoft Graph security API ("Try our new
// APIs using MS Graph security API"; the hunting page: "an older version with limited capabilities", retirement begun
// January 2026, MC1220762). Each row names its Graph equivalent (GRAPH_CATALOG), which needs other permissions:
// SecurityIncident.* and ThreatHunting.Read.All on Microsoft Graph instead of Incident.* and AdvancedHunting.* here.

const page = (name: string): string => `https://learn.microsoft.com/defender-xdr/${name}`
const CHECKED = '2026-11-30'

const PERMISSIONS: readonly CatalogPermission[] = [
  {
    value: 'AdvancedHunting.Read.All',
    kind: 'application',
    id: '7734e8e5-8dde-42fc-b5ae-6eafea078693',
    displayName: 'Run advanced hunting queries',
  },
  {
    value: 'CustomDetections.ReadWrite.All',
    kind: 'application',
    id: 'a7deff90-e2f5-4e4e-83a3-2c74e7002e28',
    displayName: 'Read and write all custom detection rules',
  },
  {
    value: 'Incident.Read.All',
    kind: 'application',
    id: 'a9790345-4595-42e4-971a-ccdc79f19b7c',
    displayName: 'Read all incidents',
  },
  {
    value: 'Incident.ReadWrite.All',
    kind: 'application',
    id: '8d90f441-09cf-4fdc-ab45-e874fa3a28e8',
    displayName: 'Read and write all incidents',
    includes: ['Incident.Read.All'],
  },
  {
    value: 'AdvancedHunting.Read',
    kind: 'delegated',
    id: '15f11de4-5113-4268-a2d1-0bad43d781f9',
    displayName: 'Run advanced hunting queries',
  },
  {
    value: 'CustomDetections.ReadWrite',
    kind: 'delegated',
    id: 'ddbb8d0c-c86b-4ece-bcb7-0f031a9cf103',
    displayName: 'Read and write custom detection rules',
  },
  {
    value: 'Incident.Read',
    kind: 'delegated',
    id: '12c153a4-4204-4224-aa3c-4626e2f47c2b',
    displayName: 'Read incidents',
  },
  {
    value: 'Incident.ReadWrite',
    kind: 'delegated',
    id: '2af415cc-88cf-4146-a0c8-444c3a80d5db',
    displayName: 'Read and write incidents',
    includes: ['Incident.Read'],
  },
]

const TO_GRAPH =
  'The page points to the Microsoft Graph security API; there the call needs Microsoft Graph permissions'
const INCIDENTS_LEGACY = {
  replacement: 'GET /security/incidents',
  note: `${TO_GRAPH} (SecurityIncident.Read.All or SecurityIncident.ReadWrite.All).`,
}

const OPERATIONS: readonly CatalogOperation[] = [
  {
    method: 'GET',
    path: '/api/incidents',
    application: ['Incident.Read.All', 'Incident.ReadWrite.All'],
    delegated: ['Incident.Read', 'Incident.ReadWrite'],
    source: page('api-list-incidents'),
    checkedBy: 'claimcheck',
    checked: CHECKED,
    area: 'Incidents',
    summary: 'List incidents',
    userRole: 'View Data',
    legacy: INCIDENTS_LEGACY,
    rateLimits: XDR_INCIDENTS_LIMITS,
  },
  {
    method: 'GET',
    path: '/api/incidents/{id}',
    application: ['Incident.Read.All', 'Incident.ReadWrite.All'],
    delegated: ['Incident.Read', 'Incident.ReadWrite'],
    source: page('api-get-incident'),
    checkedBy: 'claimcheck',
    checked: CHECKED,
    area: 'Incidents',
    summary: 'Get incident',
    userRole: 'View Data',
    legacy: { replacement: 'GET /security/incidents/{incidentId}', note: INCIDENTS_LEGACY.note },
    rateLimits: XDR_GET_INCIDENT_LIMITS,
  },
  {
    method: 'PATCH',
    path: '/api/incidents/{id}',
    application: ['Incident.ReadWrite.All'],
    delegated: ['Incident.ReadWrite'],
    source: page('api-update-incidents'),
    checkedBy: 'claimcheck',
    checked: CHECKED,
    area: 'Incidents',
    summary: 'Update incident',
    userRole: 'permission to update the incident in the portal',
    legacy: {
      replacement: 'PATCH /security/incidents/{incidentId}',
      note: `${TO_GRAPH} (SecurityIncident.ReadWrite.All).`,
    },
  },
  {
    method: 'POST',
    path: '/api/advancedhunting/run',
    application: ['AdvancedHunting.Read.All'],
    delegated: ['AdvancedHunting.Read'],
    source: page('api-advanced-hunting'),
    checkedBy: 'claimcheck',
    checked: CHECKED,
    area: 'Advanced hunting',
    summary: 'Advanced hunting (Defender XDR)',
    userRole: 'View Data',
    legacy: {
      replacement: 'POST /security/runHuntingQuery',
      note: `Older API with limited capabilities, being retired since January 2026 (MC1220762). ${TO_GRAPH} (ThreatHunting.Read.All).`,
    },
    lifecycle: XDR_HUNTING_LIFECYCLE,
    rateLimits: XDR_HUNTING_LIMITS,
  },
]

export const M365D_CATALOG: PermissionCatalog = {
  id: 'm365d',
  name: API_RESOURCES.m365d.name,
  appId: API_RESOURCES.m365d.appId,
  identifierUris: API_RESOURCES.m365d.identifierUris,
  hosts: API_RESOURCES.m365d.hosts,
  resourceByCloud: API_RESOURCES.m365d.resourceByCloud,
  delegatedNeedsUserRole: true,
  permissions: PERMISSIONS,
  aliases: {},
  operations: OPERATIONS,
  idSources: [
    "A generated table of the Microsoft Threat Protection service principal's appRoles and oauth2PermissionScopes",
    'Senserva-LLC setup scripts (application role IDs with names)',
    'A public constants module mapping first-party scope IDs to names (delegated scope IDs)',
  ],
}
