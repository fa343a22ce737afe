import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The extension's build. Everything runs locally: no remote code, no CDN, no host permissions
// beyond the content script's own matches.
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader (and tsc, and eslint) can see where each name comes from.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: {
      rollupOptions: {
        // Core's modules have no import-time effects; saying so lets the bundle drop what the
        // extension never calls (sealing pulls in OpenPGP, which no extension context needs).
        treeshake: { moduleSideEffects: (id: string) => !/[\\/](core[\\/]src|node_modules[\\/]openpgp)[\\/]/.test(id) },
      },
    },
  }),
  zip: {
    // The sources zip is what a store reviewer rebuilds from: the extension and the core it bundles.
    excludeSources: ['tests/**', 'bench/**', 'supervision-plugin/**', 'docs/**', '.cache/**', 'test-results/**', 'playwright-report/**', 'core/dist/**'],
  },
  manifest: ({ browser }) => ({
    name: 'Coach Guard',
    description: 'Warns you before confidential coaching content reaches a sponsor, HR or another client.',
    // IndexedDB needs no permission; popup ↔ page talk goes through the content script.
    permissions: [],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // data_collection_permissions ("we collect nothing") is read from Firefox 140 (Android 142).
            gecko: { id: 'coach-guard@coach-guard.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
