import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * Loopback hosts (and the reserved `.test` domain, which the test browser maps to 127.0.0.1)
 * are granted only in the demo/test build (`wxt build --mode demo`), so the demo pages work
 * without a permission prompt. A district build asks for each
 * district host at runtime (optional host permissions).
 */
const DEMO_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*', 'http://*.test/*'];

export default defineConfig({
  srcDir: '.',
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    'config:resolved': (wxt) => {
      if (wxt.config.mode === 'demo') {
        wxt.config.outDir = resolve(
          wxt.config.outBaseDir,
          `${wxt.config.browser}-mv${wxt.config.manifestVersion}-demo`,
        );
      }
    },
  },
  manifest: ({ mode, browser }) => ({
    name: 'PlainSight',
    description:
      "Shows each student's accommodations and today's services next to their name on the gradebook pages you already use.",
    // identity.email: only read when the district's policy feed URL contains {email}.
    permissions: [
      'storage',
      'alarms',
      'scripting',
      'idle',
      ...(browser === 'firefox' ? [] : ['identity', 'identity.email']),
    ],
    commands: {
      'toggle-presentation': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Hide or show PlainSight everywhere (presentation mode)',
      },
    },
    host_permissions: mode === 'demo' ? DEMO_HOSTS : [],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Asked for only when a teacher turns on pull-out notifications in the options.
    optional_permissions: ['notifications'],
    web_accessible_resources: [{ resources: ['card.html'], matches: ['<all_urls>'] }],
    // District policy (Google Admin); Firefox has no managed-storage schema.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'plainsight@plainsight.invalid',
              strict_min_version: '142.0',
              // Nothing is sent to PlainSight's authors; data goes only to the district's servers.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
