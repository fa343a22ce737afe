import { browser } from '@wxt-dev/webextension-polyfill/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundHandlers } from '../lib/background-handlers';
import { createIdbStore, createIdbVaultIO } from '../lib/db';
import { createDispatcher, createSender, type ContentProtocol } from '../lib/messaging';
import { createVaultedStore } from '../lib/vaulted-store';

const DEFAULT_AUTO_LOCK_MINUTES = 15;

export default defineBackground(() => {
  const plain = createIdbStore();
  const store = createVaultedStore(plain, createIdbVaultIO(), {
    autoLockMs: async () => ((await plain.getSettings()).autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES) * 60_000,
  });
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const handlers = createBackgroundHandlers({
    store,
    isExtensionPage: (sender) => sender.id === browser.runtime.id && sender.url !== undefined && new URL(sender.url).origin === extensionOrigin,
    async broadcastSettingsChanged() {
      const tabs = await browser.tabs.query({});
      await Promise.all(
        tabs.map((tab) =>
          tab.id === undefined
            ? undefined
            : createSender<ContentProtocol>((m) => browser.tabs.sendMessage(tab.id!, m))('settings-changed', {})
                // Tabs without our content script (browser pages, the store) have no one listening.
                .catch(() => undefined),
        ),
      );
    },
  });
  browser.runtime.onMessage.addListener(createDispatcher(handlers));
});
