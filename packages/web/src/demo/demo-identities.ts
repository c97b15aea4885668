// The fictional tenants and app of "Try a sample". Tiny on purpose: the entry bundle imports this file so that
// demo GUIDs read as names; the key and the claim templates stay in the lazily loaded demo chunk.
export const DEMO_TENANT_ID = 'c0ffee00-0000-4000-a000-00000000c0de'
export const DEMO_OTHER_TENANT_ID = 'fab00000-0000-4000-a000-00000000fab0'
export const DEMO_APP_ID = 'a11ce000-0000-4000-a000-0000000a11ce'

export const DEMO_NAMES: Readonly<Record<string, string>> = {
  [DEMO_TENANT_ID]: 'Contoso (demo tenant)',
  [DEMO_OTHER_TENANT_ID]: 'Fabrikam (demo tenant)',
  [DEMO_APP_ID]: 'Contoso SOC automation (demo app)',
}
