/**
 * A CoachStore whose private part — coachees, sponsors, consent, ignored wording — can be locked
 * with a passphrase. Unlocked, the private part lives in memory and every change re-seals it;
 * locked, it reads as empty (the guard still warns on every category, without names) and
 * refuses changes. Site rules and sensitivity stay readable: the guard needs them while locked.
 */
import type { CoachData, Collection, Settings } from './coach-data';
import type { CoachStore, CollectionItem } from './coach-store';
import { createVaultKey, sealValue, unlockVault, VaultError, type VaultRecord } from './vault';

export type PrivateCollection = 'coachees' | 'sponsors' | 'consent' | 'ignored';
export const PRIVATE_COLLECTIONS: readonly PrivateCollection[] = ['coachees', 'sponsors', 'consent', 'ignored'];
type PrivateData = Pick<CoachData, PrivateCollection>;

export type VaultStatus = 'off' | 'locked' | 'unlocked';

export interface VaultIO {
  get(): Promise<VaultRecord | undefined>;
  put(record: VaultRecord): Promise<void>;
  delete(): Promise<void>;
}

export interface VaultedStore extends CoachStore {
  status(): Promise<VaultStatus>;
  /** Moves the private part into the vault under `passphrase`; the plaintext copies are removed. */
  enable(passphrase: string): Promise<void>;
  unlock(passphrase: string): Promise<void>;
  lock(): void;
  /** Unlocked only: writes the private part back as plaintext and removes the vault. */
  disable(): Promise<void>;
}

export interface VaultedStoreOptions {
  /** Idle time before locking again; from the coach's settings when it returns a number. */
  autoLockMs(): Promise<number>;
  iterations?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

const isPrivate = (c: Collection): c is PrivateCollection => (PRIVATE_COLLECTIONS as readonly string[]).includes(c);

export function createVaultedStore(plain: CoachStore, io: VaultIO, options: VaultedStoreOptions): VaultedStore {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let open: { key: CryptoKey; salt: Uint8Array; iterations: number; data: PrivateData } | null = null;
  let timer: unknown;

  const lock = () => {
    open = null;
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
  };
  // Every use while unlocked restarts the idle clock.
  const touch = async () => {
    if (!open) return;
    if (timer !== undefined) clearTimer(timer);
    timer = setTimer(lock, await options.autoLockMs());
  };
  const reseal = async () => {
    const o = open!;
    await io.put(await sealValue(o.key, o.salt, o.iterations, o.data));
  };
  /**
   * Is the vault still there? The stored record is the truth: if it was removed behind our back
   * (the coach cleared the browser's site data), the key in memory protects nothing any more.
   */
  const stillOpen = async () => {
    if (open && !(await io.get())) lock();
    return open !== null;
  };
  /** The unlocked private part, or null when there is no vault; throws when locked. */
  const privatePart = async (): Promise<PrivateData | null> => {
    if (await stillOpen()) {
      await touch();
      return open!.data;
    }
    if (await io.get()) throw new VaultError('your coaching data is locked: unlock it with your passphrase first');
    return null;
  };
  const readPrivate = async <C extends PrivateCollection>(c: C): Promise<CollectionItem<C>[] | null> => {
    if (await stillOpen()) {
      await touch();
      return structuredClone(open!.data[c] as CollectionItem<C>[]).sort((a, b) => a.id.localeCompare(b.id));
    }
    // Locked reads as empty: the guard keeps warning, just without names or consent.
    return (await io.get()) ? [] : null;
  };
  const privateOf = async (store: CoachStore): Promise<PrivateData> => ({
    coachees: await store.list('coachees'),
    sponsors: await store.list('sponsors'),
    consent: await store.list('consent'),
    ignored: await store.list('ignored'),
  });

  return {
    async list(collection) {
      if (isPrivate(collection)) return ((await readPrivate(collection)) ?? (await plain.list(collection))) as never;
      return plain.list(collection);
    },
    async put(collection, item) {
      if (!isPrivate(collection)) return plain.put(collection, item);
      const data = await privatePart();
      if (!data) return plain.put(collection, item);
      const items = data[collection] as { id: string }[];
      const i = items.findIndex((x) => x.id === item.id);
      if (i >= 0) items[i] = structuredClone(item);
      else items.push(structuredClone(item));
      await reseal();
    },
    async delete(collection, id) {
      if (!isPrivate(collection)) return plain.delete(collection, id);
      const data = await privatePart();
      if (!data) return plain.delete(collection, id);
      const items = data[collection] as { id: string }[];
      const i = items.findIndex((x) => x.id === id);
      if (i >= 0) items.splice(i, 1);
      await reseal();
    },
    getSettings: () => plain.getSettings(),
    setSettings: (s: Settings) => plain.setSettings(s),
    async exportData() {
      const outside = await plain.exportData();
      const data = await privatePart();
      return data ? { ...outside, ...structuredClone(data) } : outside;
    },
    async replaceAll(next) {
      const data = await privatePart();
      if (!data) return plain.replaceAll(next);
      open!.data = structuredClone({ coachees: next.coachees, sponsors: next.sponsors, consent: next.consent, ignored: next.ignored });
      await reseal();
      await plain.replaceAll({ ...next, coachees: [], sponsors: [], consent: [], ignored: [] });
    },
    async status() {
      if (await stillOpen()) return 'unlocked';
      return (await io.get()) ? 'locked' : 'off';
    },
    async enable(passphrase) {
      if (await io.get()) throw new VaultError('a passphrase is already set');
      const current = await plain.exportData();
      const { key, salt, iterations } = await createVaultKey(passphrase, options.iterations);
      open = { key, salt, iterations, data: await privateOf(plain) };
      await reseal();
      // Only once the sealed copy is stored are the plaintext copies removed.
      await plain.replaceAll({ ...current, coachees: [], sponsors: [], consent: [], ignored: [] });
      await touch();
    },
    async unlock(passphrase) {
      const record = await io.get();
      if (!record) throw new VaultError('no passphrase is set');
      const { key, value } = await unlockVault(record, passphrase);
      open = { key, salt: record.salt, iterations: record.iterations, data: value as PrivateData };
      await touch();
    },
    lock,
    async disable() {
      const data = await privatePart();
      if (!data) return;
      const outside = await plain.exportData();
      await plain.replaceAll({ ...outside, ...data });
      await io.delete();
      lock();
    },
  };
}
