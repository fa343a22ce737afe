/**
 * What the background answers, over any `CoachStore`. Kept out of the entrypoint so the rules are
 * tested against the memory store.
 */
import type { Runtime } from 'webextension-polyfill';
import type { CoachStore } from './coach-store';
import type { BackgroundProtocol, Handlers } from './messaging';
import { ignoredId, pageSettingsFor } from './page-settings';

export interface BackgroundDeps {
  store: CoachStore;
  /** Tells every tab's content scripts to re-read their settings. */
  broadcastSettingsChanged(): Promise<void>;
}

export function createBackgroundHandlers({ store, broadcastSettingsChanged }: BackgroundDeps): Handlers<BackgroundProtocol, Runtime.MessageSender> {
  // Per-tab counts live only in memory: they describe what is on screen now, nothing to keep.
  const fieldState = new Map<number, number>();
  return {
    async 'get-page-settings'({ host }) {
      return pageSettingsFor(host, await store.exportData());
    },
    async 'set-site-enabled'({ host, enabled }) {
      const existing = (await store.list('sites')).find((s) => s.id === host);
      await store.put('sites', { id: host, enabled, hrPortal: existing?.hrPortal ?? false });
      await broadcastSettingsChanged();
      return null;
    },
    async 'add-ignored'({ category, text }) {
      await store.put('ignored', { id: ignoredId(category, text), category, text });
      await broadcastSettingsChanged();
      return null;
    },
    async 'add-consent'(record) {
      await store.put('consent', { ...record, id: crypto.randomUUID() });
      await broadcastSettingsChanged();
      return null;
    },
    'report-field-state'({ findings }, sender) {
      if (sender.tab?.id !== undefined) fieldState.set(sender.tab.id, findings);
      return null;
    },
    'get-tab-state'({ tabId }) {
      return { findings: fieldState.get(tabId) ?? null };
    },
    async 'data-changed'() {
      await broadcastSettingsChanged();
      return null;
    },
  };
}
