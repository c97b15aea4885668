import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge'

// redirect.html's script. Entra sends the browser here after sign-in; MSAL v5 relays the response to the page that
// asked (over a BroadcastChannel for a popup; through sessionStorage and back to the page for a redirect) and
// clears it from this page's address. A failure is shown as text: this page has no console output.
broadcastResponseToMainFrame().catch(() => {
  const status = document.getElementById('status')
  if (status !== null)
    status.textContent =
      'This sign-in response could not be handed back to ClaimCheck. Close this window and sign in again.'
})
