import { browser } from '@wxt-dev/webextension-polyfill/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundHandlers } from '../lib/background-handlers';
import { createIdbStore } from '../lib/db';
import { createDispatcher, createSender, type ContentProtocol } from '../lib/messaging';

export default defineBackground(() => {
  const handlers = createBackgroundHandlers({
    store: createIdbStore(),
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
