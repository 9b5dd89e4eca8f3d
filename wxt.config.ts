import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  manifest: ({ browser }) => ({
    name: 'Seatkeeper',
    description: 'Buy and manage your software subscriptions, offline first.',
    // `alarms` wakes the worker to keep syncing. No host permissions: the sync server answers CORS
    // for its API, and WebSocket connections from an extension need none.
    permissions: ['storage', 'alarms'],
    options_ui: { open_in_tab: true },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'seatkeeper@seatkeeper.dev', strict_min_version: '115.0' } } }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
  }),
});
