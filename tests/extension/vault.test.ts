/** The passphrase lock: what is stored is ciphertext; the wrong passphrase never opens it. */
import { describe, expect, it } from 'vitest';
import { emptyCoachData } from '../../extension/lib/coach-data';
import { createMemoryStore } from '../../extension/lib/coach-store';
import { MIN_ITERATIONS, VaultError, createVaultKey, deriveVaultKey, openValue, sealValue, unlockVault, type VaultRecord } from '../../extension/lib/vault';
import { createVaultedStore } from '../../extension/lib/vaulted-store';

const PASS = 'correct horse battery staple';

function vaultIO() {
  const io = { record: undefined as VaultRecord | undefined, get: async () => io.record, put: async (r: VaultRecord) => void (io.record = r), delete: async () => void (io.record = undefined) };
  return io;
}

function fakeTimers() {
  const timers = new Map<number, () => void>();
  let next = 0;
  return {
    setTimer: (fn: () => void) => (timers.set(++next, fn), next),
    clearTimer: (h: unknown) => void timers.delete(h as number),
    fireAll: () => [...timers.values()].forEach((fn) => fn()),
    pending: () => timers.size,
  };
}

describe('vault crypto', () => {
  it('never derives a key with fewer than 600,000 PBKDF2 iterations, nor from a short passphrase', async () => {
    await expect(deriveVaultKey(PASS, new Uint8Array(16), MIN_ITERATIONS - 1)).rejects.toThrow(VaultError);
    await expect(createVaultKey('short')).rejects.toThrow(/at least 8/);
  });

  it('seals to ciphertext that holds no plaintext, with a fresh IV each time', async () => {
    const { key, salt, iterations } = await createVaultKey(PASS);
    expect(iterations).toBe(MIN_ITERATIONS);
    const a = await sealValue(key, salt, iterations, { name: 'Priya Shah' });
    const b = await sealValue(key, salt, iterations, { name: 'Priya Shah' });
    expect(Buffer.from(a.ciphertext).toString('latin1')).not.toContain('Priya');
    expect(Buffer.from(a.iv).equals(Buffer.from(b.iv))).toBe(false);
    expect(await openValue(key, a)).toEqual({ name: 'Priya Shah' });
  }, 30_000);

  it('refuses a wrong passphrase and a changed byte', async () => {
    const { key, salt, iterations } = await createVaultKey(PASS);
    const record = await sealValue(key, salt, iterations, [1, 2, 3]);
    await expect(unlockVault(record, 'correct horse battery stapler')).rejects.toThrow(VaultError);
    const bytes = new Uint8Array(record.ciphertext.slice(0));
    bytes[0]! ^= 1;
    await expect(openValue(key, { ...record, ciphertext: bytes.buffer })).rejects.toThrow(/wrong passphrase, or the locked data was altered/);
  }, 30_000);
});

describe('vaulted store', () => {
  async function lockedStoreWithData() {
    const plain = createMemoryStore({
      ...emptyCoachData(),
      coachees: [{ id: 'c', name: 'Priya Shah', aliases: ['Pri'] }],
      consent: [{ id: 'k', coachee: 'Priya Shah', wording: 'Priya set three goals.' }],
      sites: [{ id: 'hr.example', enabled: true, hrPortal: true }],
    });
    const io = vaultIO();
    const timers = fakeTimers();
    const store = createVaultedStore(plain, io, { autoLockMs: async () => 1000, ...timers });
    await store.enable(PASS);
    return { plain, io, timers, store };
  }

  it('enabling moves the private part into ciphertext and out of plaintext storage', async () => {
    const { plain, io, store } = await lockedStoreWithData();
    expect(await store.status()).toBe('unlocked');
    expect(await plain.list('coachees')).toEqual([]);
    expect(await plain.list('consent')).toEqual([]);
    expect(await plain.list('sites')).toHaveLength(1);
    expect(Buffer.from(io.record!.ciphertext).toString('latin1')).not.toContain('Priya');
    expect((await store.list('coachees')).map((c) => c.name)).toEqual(['Priya Shah']);
  }, 30_000);

  it('locked reads as empty and refuses changes; unlocking brings it back; changes are re-sealed', async () => {
    const { store, io } = await lockedStoreWithData();
    await store.put('ignored', { id: 'i', category: 'wellbeing', text: 'She is anxious' });
    store.lock();
    expect(await store.status()).toBe('locked');
    expect(await store.list('coachees')).toEqual([]);
    await expect(store.put('coachees', { id: 'x', name: 'Sam', aliases: [] })).rejects.toThrow(/locked/);
    await expect(store.exportData()).rejects.toThrow(/locked/);
    await expect(store.unlock('wrong passphrase!')).rejects.toThrow(VaultError);
    await store.unlock(PASS);
    expect(await store.list('ignored')).toEqual([{ id: 'i', category: 'wellbeing', text: 'She is anxious' }]);
    expect(Buffer.from(io.record!.ciphertext).toString('latin1')).not.toContain('anxious');
  }, 60_000);

  it('locks itself after the idle time; use restarts the clock', async () => {
    const { store, timers } = await lockedStoreWithData();
    await store.list('coachees');
    expect(timers.pending()).toBe(1);
    timers.fireAll();
    expect(await store.status()).toBe('locked');
  }, 30_000);

  it('a vault removed behind its back (site data cleared) is not kept alive from memory', async () => {
    const { store, io } = await lockedStoreWithData();
    await io.delete();
    expect(await store.status()).toBe('off');
    expect(await store.list('coachees')).toEqual([]);
  }, 30_000);

  it('removing the passphrase writes the data back in plaintext', async () => {
    const { store, plain, io } = await lockedStoreWithData();
    await store.disable();
    expect(io.record).toBeUndefined();
    expect((await plain.list('coachees')).map((c) => c.name)).toEqual(['Priya Shah']);
    expect(await store.status()).toBe('off');
  }, 30_000);
});
