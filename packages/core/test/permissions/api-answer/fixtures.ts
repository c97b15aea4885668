// Real 401/403 answers from the Defender APIs and Microsoft Graph, as published in public sources (read
// 2026-11-30). Request IDs and dates are as quoted (or elided where the source elided them); nothing else changed.

export interface AnswerFixture {
  name: string
  text: string
  source: string
  expected: {
    form: string
    status: 401 | 403
    required?: string[]
    kind?: 'application' | 'delegated' | null
    tokenHad?: string[] | null
  }
}

export const ANSWER_FIXTURES: readonly AnswerFixture[] = [
  {
    name: 'Graph alerts_v2, app without any role (full JSON body)',
    text: '{"error":{"code":"Forbidden","message":"Missing application roles. API required roles: SecurityAlert.Read.All,SecurityAlert.ReadWrite.All,SecurityIncident.Read.All,SecurityIncident.ReadWrite.All, application roles: .","innerError":{"date":"2024-05-08T08:26:35","request-id":"xxxxx","client-request-id":"xxxxx"}}}',
    source: 'https://github.com/wazuh/wazuh-documentation/issues/7300',
    expected: {
      form: 'missing-application-roles',
      status: 403,
      kind: 'application',
      required: [
        'SecurityAlert.Read.All',
        'SecurityAlert.ReadWrite.All',
        'SecurityIncident.Read.All',
        'SecurityIncident.ReadWrite.All',
      ],
      tokenHad: [],
    },
  },
  {
    name: 'Graph incidents, app with other roles (message only)',
    text: 'Missing application roles. API required roles: SecurityIncident.Read.All,SecurityIncident.ReadWrite.All, application roles: Group.ReadWrite.All,Group.Read.All,Policy.ReadWrite',
    source: 'https://github.com/KelvinTegelaar/CIPP/issues/1085',
    expected: {
      form: 'missing-application-roles',
      status: 403,
      kind: 'application',
      required: ['SecurityIncident.Read.All', 'SecurityIncident.ReadWrite.All'],
      tokenHad: ['Group.ReadWrite.All', 'Group.Read.All', 'Policy.ReadWrite'],
    },
  },
  {
    name: 'Defender for Endpoint machines through a Logic App (same form as Graph)',
    text: '"message": "Missing application roles. API required roles: Machine.Read.All,Machine.ReadWrite.All, application roles: Alert.ReadWrite.All."',
    source: 'https://github.com/Azure/Azure-Sentinel/issues/7924',
    expected: {
      form: 'missing-application-roles',
      status: 403,
      kind: 'application',
      required: ['Machine.Read.All', 'Machine.ReadWrite.All'],
      tokenHad: ['Alert.ReadWrite.All'],
    },
  },
  {
    name: 'Defender for Endpoint StopAndQuarantineFile with only Machine.StopAndQuarantine (Python dict form)',
    text: "{'code': 'Forbidden', 'message': 'The application does not have any of the required application permissions (Machine.Read.All, Machine.ReadWrite.All) to access the resource.'}",
    source: 'https://github.com/MicrosoftDocs/microsoft-365-docs/issues/6055',
    expected: {
      form: 'missing-required-permissions',
      status: 403,
      kind: 'application',
      required: ['Machine.Read.All', 'Machine.ReadWrite.All'],
      tokenHad: null,
    },
  },
  {
    name: 'Defender for Endpoint StopAndQuarantineFile with only Machine.Read.All',
    text: "'code': 'Forbidden', 'message': 'The application does not have any of the required application permissions (Machine.StopAndQuarantine) to access the resource.'",
    source: 'https://github.com/MicrosoftDocs/microsoft-365-docs/issues/6055',
    expected: {
      form: 'missing-required-permissions',
      status: 403,
      kind: 'application',
      required: ['Machine.StopAndQuarantine'],
      tokenHad: null,
    },
  },
  {
    name: 'Graph delegated: missing scope, with the scopes on the request',
    text: "Missing scope permissions on the request. API requires one of 'ChannelMessage.Send, Group.ReadWrite.All'. Scopes on the request 'User.Read, profile, openid, email'",
    source:
      'public developer notes quoting a Graph 403 (GitHub code search, 2026-11-30); the same form is quoted in MicrosoftDocs and SDK issues',
    expected: {
      form: 'missing-scope-permissions',
      status: 403,
      kind: 'delegated',
      required: ['ChannelMessage.Send', 'Group.ReadWrite.All'],
      tokenHad: ['User.Read', 'profile', 'openid', 'email'],
    },
  },
  {
    name: 'Graph 401: token for another resource',
    text: '{\n  "error": {\n    "code": "InvalidAuthenticationToken",\n    "message": "Access token validation failure.",\n    "innerError": {\n      "request-id": "be979fa7-653b-4bf4-9640-47fc8aa3fcba",\n      "date": "2018-08-03T17:43:32"\n    }\n  }\n}',
    source: 'https://github.com/microsoftgraph/console-java-connect-sample/issues/1',
    expected: { form: 'invalid-authentication-token', status: 401 },
  },
  {
    name: 'Graph 401: not a JWT',
    text: '{"error":{"code":"InvalidAuthenticationToken","message":"CompactToken parsing failed with error code: 80049217","innerError":{"request-id":"54dac99b-05f9-48fa-bb3e-330afbd4e108","date":"25-10-19 08:36:39"}}}',
    source: 'https://github.com/Azure-Samples/active-directory-aspnetcore-webapp-openidconnect-v2/issues/198',
    expected: { form: 'invalid-authentication-token', status: 401 },
  },
  {
    name: 'Defender API 401: token refused before permissions',
    text: 'Authorization has been denied for this request.',
    source: 'https://github.com/MicrosoftDocs/windows-itpro-docs/issues/799',
    expected: { form: 'authorization-denied', status: 401 },
  },
  {
    name: 'Graph directory 403',
    text: '{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}',
    source:
      'https://learn.microsoft.com/graph/errors (Authorization_RequestDenied), quoted in many public issues',
    expected: { form: 'insufficient-privileges', status: 403 },
  },
  {
    name: 'Graph WWW-Authenticate without credentials',
    text: 'WWW-Authenticate: Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
    source:
      'Azure SDK for JS continuous-access-evaluation tests and Microsoft Graph 401 answers (public code search, 2026-11-30)',
    expected: { form: 'www-authenticate', status: 401 },
  },
  {
    name: 'Entra claims challenge (Conditional Access authentication context c1)',
    text: 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnsiYWNycyI6eyJlc3NlbnRpYWwiOnRydWUsInZhbHVlIjoiY3AxIn19fQ=="',
    source: 'https://learn.microsoft.com/entra/identity-platform/claims-challenge',
    expected: { form: 'www-authenticate', status: 401 },
  },
  {
    name: "RFC 6750 insufficient_scope (what ClaimCheck's own authorize() answers)",
    text: 'WWW-Authenticate: Bearer error="insufficient_scope", scope="Machine.Isolate"',
    source: 'https://www.rfc-editor.org/rfc/rfc6750#section-3',
    expected: { form: 'www-authenticate', status: 403, required: ['Machine.Isolate'] },
  },
]
