/**
 * The coach's data in the extension origin's IndexedDB (never synced storage: it must not leave
 * this browser profile). Only extension pages and the background open it; content scripts ask
 * the background, because in a page their `indexedDB` would be the page's own.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { COLLECTIONS, DEFAULT_SETTINGS, type Coachee, type IgnoredFinding, type Settings, type SiteRule, type Sponsor, type StoredConsent } from './coach-data';
import type { CoachStore } from './coach-store';
import type { VaultRecord } from './vault';
import type { VaultIO } from './vaulted-store';

export const DB_NAME = 'coach-guard';
export const DB_VERSION = 2;

export interface CoachGuardDB extends DBSchema {
  coachees: { key: string; value: Coachee };
  sponsors: { key: string; value: Sponsor };
  consent: { key: string; value: StoredConsent; indexes: { 'by-coachee': string } };
  ignored: { key: string; value: IgnoredFinding };
  sites: { key: string; value: SiteRule };
  settings: { key: 'settings'; value: Settings };
  /** Since version 2: the passphrase-locked private part, when the coach set a passphrase. */
  vault: { key: 'vault'; value: VaultRecord };
}

export function openCoachGuardDB(): Promise<IDBPDatabase<CoachGuardDB>> {
  return openDB<CoachGuardDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      // One step per version; a step never edits an earlier one, so every old profile upgrades.
      if (oldVersion < 1) {
        db.createObjectStore('coachees', { keyPath: 'id' });
        db.createObjectStore('sponsors', { keyPath: 'id' });
        db.createObjectStore('consent', { keyPath: 'id' }).createIndex('by-coachee', 'coachee');
        db.createObjectStore('ignored', { keyPath: 'id' });
        db.createObjectStore('sites', { keyPath: 'id' });
        db.createObjectStore('settings');
      }
      if (oldVersion < 2) {
        db.createObjectStore('vault', { keyPath: 'id' });
      }
    },
  });
}

export function createIdbStore(open: () => Promise<IDBPDatabase<CoachGuardDB>> = () => openCoachGuardDB()): CoachStore {
  let db: Promise<IDBPDatabase<CoachGuardDB>> | undefined;
  const get = () => (db ??= open());
  return {
    async list(collection) {
      // getAll returns items in key order, the same order the memory store promises.
      return (await (await get()).getAll(collection)) as never;
    },
    async put(collection, item) {
      await (await get()).put(collection, item as never);
    },
    async delete(collection, id) {
      await (await get()).delete(collection, id);
    },
    async getSettings() {
      return (await (await get()).get('settings', 'settings')) ?? structuredClone(DEFAULT_SETTINGS);
    },
    async setSettings(settings) {
      await (await get()).put('settings', settings, 'settings');
    },
    async exportData() {
      const d = await get();
      const tx = d.transaction([...COLLECTIONS, 'settings'], 'readonly');
      const [coachees, sponsors, consent, ignored, sites, settings] = await Promise.all([
        tx.objectStore('coachees').getAll(),
        tx.objectStore('sponsors').getAll(),
        tx.objectStore('consent').getAll(),
        tx.objectStore('ignored').getAll(),
        tx.objectStore('sites').getAll(),
        tx.objectStore('settings').get('settings'),
      ]);
      return { coachees, sponsors, consent, ignored, sites, settings: settings ?? structuredClone(DEFAULT_SETTINGS) };
    },
    async replaceAll(data) {
      const d = await get();
      const tx = d.transaction([...COLLECTIONS, 'settings'], 'readwrite');
      const writes: Promise<unknown>[] = [];
      for (const c of COLLECTIONS) {
        const store = tx.objectStore(c);
        writes.push(store.clear());
        for (const item of data[c]) writes.push(store.put(item as never));
      }
      writes.push(tx.objectStore('settings').put(data.settings, 'settings'));
      await Promise.all([...writes, tx.done]);
    },
  };
}

export function createIdbVaultIO(open: () => Promise<IDBPDatabase<CoachGuardDB>> = () => openCoachGuardDB()): VaultIO {
  let db: Promise<IDBPDatabase<CoachGuardDB>> | undefined;
  const get = () => (db ??= open());
  return {
    async get() {
      return (await get()).get('vault', 'vault');
    },
    async put(record) {
      await (await get()).put('vault', record);
    },
    async delete() {
      await (await get()).delete('vault', 'vault');
    },
  };
}
