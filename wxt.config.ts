import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  manifest: ({ browser }) => ({
    name: 'Seatkeeper',
    description: 'Buy and manage your software subscriptions, offline first.',
    permissions: ['storage'],
    options_ui: { open_in_tab: true },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'seatkeeper@seatkeeper.dev', strict_min_version: '115.0' } } }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
  }),
});
