/** Where an AADSTS entry's facts were checked. Each catalogue entry names at least one of these. */
export type AadstsSourceId =
  | 'entra-error-codes'
  | 'entra-admin-consent'
  | 'project-reference'
  | 'azure-docs-issue-99862'
  | 'support-aadsts7000218'
  | 'support-aadsts500011'
  | 'support-forms-500014'
  | 'ms-answers-500113'
  | 'observed-responses'

export interface AadstsSource {
  id: AadstsSourceId
  title: string
  /** Where to read it; null for the project's own notes, which are not published. */
  url: string | null
}

export const AADSTS_SOURCES: Readonly<Record<AadstsSourceId, AadstsSource>> = {
  'entra-error-codes': {
    id: 'entra-error-codes',
    title:
      'Microsoft Entra authentication and authorization error codes (MicrosoftDocs/entra-docs, docs/identity-platform/reference-error-codes.md)',
    url: 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes',
  },
  'entra-admin-consent': {
    id: 'entra-admin-consent',
    title:
      'Admin consent on the Microsoft identity platform (MicrosoftDocs/entra-docs, docs/identity-platform/v2-admin-consent.md)',
    url: 'https://learn.microsoft.com/entra/identity-platform/v2-admin-consent',
  },
  'project-reference': {
    id: 'project-reference',
    title: 'ClaimCheck reference notes: "AADSTS codes most relevant here" for Defender partner apps',
    url: null,
  },
  'azure-docs-issue-99862': {
    id: 'azure-docs-issue-99862',
    title: "MicrosoftDocs/azure-docs issue #99862, quoting Entra's AADSTS1002012 response verbatim",
    url: 'https://github.com/MicrosoftDocs/azure-docs/issues/99862',
  },
  'support-aadsts7000218': {
    id: 'support-aadsts7000218',
    title:
      'Microsoft support: confidential client application authentication error AADSTS7000218 (MicrosoftDocs/SupportArticles-docs)',
    url: 'https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/confidential-client-application-authentication-error-aadsts7000218',
  },
  'support-aadsts500011': {
    id: 'support-aadsts500011',
    title:
      'Microsoft support: error AADSTS500011, resource principal not found (MicrosoftDocs/SupportArticles-docs)',
    url: 'https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/error-code-aadsts500011-resource-principal-not-found',
  },
  'support-forms-500014': {
    id: 'support-forms-500014',
    title:
      'Microsoft support: Microsoft Forms shows "Sorry, something went wrong" (AADSTS500014, MicrosoftDocs/SupportArticles-docs)',
    url: 'https://github.com/MicrosoftDocs/SupportArticles-docs',
  },
  'ms-answers-500113': {
    id: 'ms-answers-500113',
    title:
      'Microsoft Q&A: "AADSTS500113: No reply address is registered for the application" (answered by Microsoft)',
    url: 'https://learn.microsoft.com/en-us/answers/a/183761',
  },
  'observed-responses': {
    id: 'observed-responses',
    title:
      "Entra responses quoted verbatim in public issues and code; the code is not in Entra's error reference",
    url: null,
  },
}
