/**
 * The port every part of the extension stores the coach's data through. Two implementations
 * share one contract suite (tests/extension/coach-store.test.ts): IndexedDB for the extension,
 * memory for tests.
 */
import { emptyCoachData, COLLECTIONS, type CoachData, type Collection, type Settings, DEFAULT_SETTINGS } from './coach-data';

export type CollectionItem<C extends Collection> = CoachData[C][number];

export interface CoachStore {
  list<C extends Collection>(collection: C): Promise<CollectionItem<C>[]>;
  /** Adds or replaces the item with the same `id`. */
  put<C extends Collection>(collection: C, item: CollectionItem<C>): Promise<void>;
  delete(collection: Collection, id: string): Promise<void>;
  getSettings(): Promise<Settings>;
  setSettings(settings: Settings): Promise<void>;
  exportData(): Promise<CoachData>;
  /** Replaces everything with `data` in one step: an import never half-succeeds. */
  replaceAll(data: CoachData): Promise<void>;
}

export function createMemoryStore(initial: CoachData = emptyCoachData()): CoachStore {
  let data: CoachData = structuredClone(initial);
  const byId = <C extends Collection>(c: C) => data[c] as CollectionItem<C>[];
  return {
    async list(collection) {
      return structuredClone(byId(collection)).sort((a, b) => a.id.localeCompare(b.id));
    },
    async put(collection, item) {
      const items = byId(collection);
      const i = items.findIndex((x) => x.id === item.id);
      if (i >= 0) items[i] = structuredClone(item);
      else items.push(structuredClone(item));
    },
    async delete(collection, id) {
      const items = byId(collection);
      const i = items.findIndex((x) => x.id === id);
      if (i >= 0) items.splice(i, 1);
    },
    async getSettings() {
      return structuredClone(data.settings);
    },
    async setSettings(settings) {
      data.settings = structuredClone(settings);
    },
    async exportData() {
      const out = structuredClone(data);
      for (const c of COLLECTIONS) (out[c] as { id: string }[]).sort((a, b) => a.id.localeCompare(b.id));
      return out;
    },
    async replaceAll(next) {
      data = structuredClone(next);
    },
  };
}

export { DEFAULT_SETTINGS };
