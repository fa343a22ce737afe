/** One contract suite over every CoachStore: IndexedDB (through fake-indexeddb) and memory. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyCoachData, type CoachData } from '../../extension/lib/coach-data';
import { createMemoryStore, type CoachStore } from '../../extension/lib/coach-store';
import { createIdbStore, openCoachGuardDB } from '../../extension/lib/db';

const implementations: [string, () => CoachStore][] = [
  ['idb', () => createIdbStore()],
  ['memory', () => createMemoryStore()],
];

const SAMPLE: CoachData = {
  ...emptyCoachData(),
  coachees: [{ id: 'c1', name: 'Priya Shah', aliases: ['Pri'], email: 'priya@example.org', organisation: 'Acme' }],
  sponsors: [{ id: 's1', name: 'Dana Hill', emailDomains: ['acme.com'] }],
  consent: [{ id: 'k1', coachee: 'Priya Shah', wording: 'Priya is working on delegation.', recipients: ['sponsor'], until: '2030-01-01' }],
  sites: [{ id: 'intranet.acme.com', enabled: false, hrPortal: true }],
  settings: { categories: ['wellbeing', 'quotation'] },
};

beforeEach(() => {
  // A fresh browser profile for every test.
  globalThis.indexedDB = new IDBFactory();
});

for (const [name, create] of implementations) {
  describe(`CoachStore contract: ${name}`, () => {
    it('starts empty, with every category warning', async () => {
      const store = create();
      expect(await store.exportData()).toEqual(emptyCoachData());
    });

    it('adds, replaces by id, lists in id order and deletes', async () => {
      const store = create();
      await store.put('coachees', { id: 'b', name: 'Sam Okafor', aliases: [] });
      await store.put('coachees', { id: 'a', name: 'Priya Shah', aliases: [] });
      await store.put('coachees', { id: 'b', name: 'Sam O.', aliases: ['Sammy'] });
      expect((await store.list('coachees')).map((c) => c.name)).toEqual(['Priya Shah', 'Sam O.']);
      await store.delete('coachees', 'a');
      await store.delete('coachees', 'missing');
      expect(await store.list('coachees')).toEqual([{ id: 'b', name: 'Sam O.', aliases: ['Sammy'] }]);
    });

    it('returns copies: editing a listed item does not change the store', async () => {
      const store = create();
      await store.put('sponsors', { id: 's', name: 'Dana Hill', emailDomains: ['acme.com'] });
      const [listed] = await store.list('sponsors');
      listed!.emailDomains.push('evil.example');
      expect((await store.list('sponsors'))[0]!.emailDomains).toEqual(['acme.com']);
    });

    it('keeps settings', async () => {
      const store = create();
      await store.setSettings({ categories: ['wellbeing'] });
      expect(await store.getSettings()).toEqual({ categories: ['wellbeing'] });
    });

    it('replaces everything on import and exports the same data back', async () => {
      const store = create();
      await store.put('coachees', { id: 'old', name: 'Old Client', aliases: [] });
      await store.replaceAll(SAMPLE);
      expect(await store.exportData()).toEqual(SAMPLE);
    });
  });
}

describe('CoachGuardDB schema', () => {
  it('creates every store at version 2, with consent indexed by coachee', async () => {
    const db = await openCoachGuardDB();
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual(['coachees', 'consent', 'ignored', 'settings', 'sites', 'sponsors', 'vault']);
    const store = createIdbStore(async () => db);
    await store.replaceAll(SAMPLE);
    expect(await db.getAllFromIndex('consent', 'by-coachee', 'Priya Shah')).toHaveLength(1);
    db.close();
  });

  it('upgrades a version-1 profile in place, keeping its data and adding the vault', async () => {
    const { openDB } = await import('idb');
    const v1 = await openDB('coach-guard', 1, {
      upgrade(db) {
        for (const name of ['coachees', 'sponsors', 'ignored', 'sites']) db.createObjectStore(name, { keyPath: 'id' });
        db.createObjectStore('consent', { keyPath: 'id' }).createIndex('by-coachee', 'coachee');
        db.createObjectStore('settings');
      },
    });
    await v1.put('coachees', { id: 'c', name: 'Priya Shah', aliases: [] });
    v1.close();
    const db = await openCoachGuardDB();
    expect(db.version).toBe(2);
    expect(await db.get('coachees', 'c')).toEqual({ id: 'c', name: 'Priya Shah', aliases: [] });
    expect(db.objectStoreNames.contains('vault')).toBe(true);
    db.close();
  });
});
