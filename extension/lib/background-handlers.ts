/**
 * What the background answers, over any store. Kept out of the entrypoint so the rules are
 * tested against the memory store.
 */
import type { Runtime } from 'webextension-polyfill';
import type { CoachData } from './coach-data';
import type { BackgroundProtocol, Handlers } from './messaging';
import { ignoredId, pageSettingsFor } from './page-settings';
import type { VaultedStore } from './vaulted-store';

export interface BackgroundDeps {
  store: VaultedStore;
  /** Tells every tab's content scripts to re-read their settings. */
  broadcastSettingsChanged(): Promise<void>;
  /** True for the extension's own pages (options, popup); false for content scripts in sites. */
  isExtensionPage(sender: Runtime.MessageSender): boolean;
}

export function createBackgroundHandlers({ store, broadcastSettingsChanged, isExtensionPage }: BackgroundDeps): Handlers<BackgroundProtocol, Runtime.MessageSender> {
  // Per-tab counts live only in memory: they describe what is on screen now, nothing to keep.
  const fieldState = new Map<number, number>();
  const fromExtensionPage = (sender: Runtime.MessageSender) => {
    if (!isExtensionPage(sender)) throw new Error('only Coach Guard\'s own pages may read or change the coach\'s data');
  };
  /** Everything readable now: while locked, the private part reads as empty. */
  const readable = async (): Promise<CoachData> =>
    (await store.status()) === 'locked'
      ? { coachees: [], sponsors: [], consent: [], ignored: [], sites: await store.list('sites'), settings: await store.getSettings() }
      : store.exportData();
  const changed = async () => {
    await broadcastSettingsChanged();
    return null;
  };
  return {
    async 'get-page-settings'({ host }) {
      return pageSettingsFor(host, await readable());
    },
    async 'set-site-enabled'({ host, enabled }) {
      const existing = (await store.list('sites')).find((s) => s.id === host);
      await store.put('sites', { id: host, enabled, hrPortal: existing?.hrPortal ?? false });
      return changed();
    },
    async 'add-ignored'({ category, text }) {
      await store.put('ignored', { id: ignoredId(category, text), category, text });
      return changed();
    },
    async 'add-consent'(record) {
      await store.put('consent', { ...record, id: crypto.randomUUID() });
      return changed();
    },
    'report-field-state'({ findings }, sender) {
      if (sender.tab?.id !== undefined) fieldState.set(sender.tab.id, findings);
      return null;
    },
    'get-tab-state'({ tabId }) {
      return { findings: fieldState.get(tabId) ?? null };
    },
    async 'data-changed'() {
      return changed();
    },
    async 'get-data'(_, sender) {
      fromExtensionPage(sender);
      return { vault: await store.status(), data: await readable() };
    },
    async 'put-item'({ collection, item }, sender) {
      fromExtensionPage(sender);
      await store.put(collection, item as never);
      return changed();
    },
    async 'delete-item'({ collection, id }, sender) {
      fromExtensionPage(sender);
      await store.delete(collection, id);
      return changed();
    },
    async 'set-settings'(settings, sender) {
      fromExtensionPage(sender);
      await store.setSettings(settings);
      return changed();
    },
    async 'replace-all'(data, sender) {
      fromExtensionPage(sender);
      await store.replaceAll(data);
      return changed();
    },
    async vault({ action, passphrase }, sender) {
      fromExtensionPage(sender);
      if (action === 'lock') store.lock();
      else if (action === 'disable') await store.disable();
      else if (passphrase === undefined) throw new Error(`a passphrase is needed to ${action}`);
      else if (action === 'enable') await store.enable(passphrase);
      else await store.unlock(passphrase);
      await changed();
      return { vault: await store.status() };
    },
  };
}
