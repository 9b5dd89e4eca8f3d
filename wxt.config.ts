import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  // Every import is written out, so the lint's boundary rules see them all (no auto-imported globals).
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Seatkeeper',
    description: 'Buy and manage your software subscriptions, offline first.',
    // `alarms` wakes the worker to keep syncing and for reminders; `notifications` shows renewal and
    // expiry reminders (README, "Permissions"). No host permissions: the sync server answers CORS
    // for its API, and WebSocket connections from an extension need none.
    permissions: ['storage', 'alarms', 'notifications'],
    options_ui: { open_in_tab: true },
    ...(browser === 'firefox'
      ? {
          // Firefox's default CSP for MV3 extension pages adds upgrade-insecure-requests, which turns
          // the background's ws:// connections into wss://: a plain-http sync server (the default
          // http://127.0.0.1:8787, a LAN server) could sign in but never sync. Same policy without it.
          content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
          browser_specific_settings: {
            // Firefox 140 (ESR) and Firefox for Android 142 are the first to read
            // data_collection_permissions. Signed in to an organization's sync server, the extension
            // sends it the purchaser's name and the names and emails of people they assign, billing
            // addresses (personallyIdentifyingInfo), card number, code and expiry for tokenizing
            // (financialAndPaymentInfo), the one-time code and tokens (authenticationInfo) and
            // support requests (personalCommunications). Nothing leaves the device before sign-in.
            gecko: {
              id: 'seatkeeper@seatkeeper.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['personallyIdentifyingInfo', 'financialAndPaymentInfo', 'authenticationInfo', 'personalCommunications'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
  }),
});
