/**
 * Holds passphrases in memory for a short while so a coach is not asked for every seal. Never
 * persisted: an entry lives in this Map only, and a timer wipes it when its time is up even if
 * nobody asks again. A time of 0 keeps nothing.
 */
export interface PassphraseCache {
  get(fingerprint: string): string | undefined;
  remember(fingerprint: string, passphrase: string): void;
  /** Forgets one key's passphrase, or all of them. */
  forget(fingerprint?: string): void;
  dispose(): void;
}

export interface PassphraseCacheOptions {
  /** Read on every `remember`, so a settings change applies to the next passphrase typed. */
  ttlMs: () => number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => { clear(): void };
}

export function createPassphraseCache(options: PassphraseCacheOptions): PassphraseCache {
  const now = options.now ?? Date.now;
  const setTimer =
    options.setTimer ??
    ((fn, ms) => {
      const handle = setTimeout(fn, ms);
      handle.unref?.();
      return { clear: () => clearTimeout(handle) };
    });
  const entries = new Map<string, { passphrase: string; expires: number; timer: { clear(): void } }>();

  const forgetOne = (fingerprint: string) => {
    entries.get(fingerprint)?.timer.clear();
    entries.delete(fingerprint);
  };

  return {
    get(fingerprint) {
      const entry = entries.get(fingerprint);
      if (!entry) return undefined;
      if (now() >= entry.expires) {
        forgetOne(fingerprint);
        return undefined;
      }
      return entry.passphrase;
    },
    remember(fingerprint, passphrase) {
      forgetOne(fingerprint);
      const ttl = options.ttlMs();
      if (!(ttl > 0)) return;
      entries.set(fingerprint, { passphrase, expires: now() + ttl, timer: setTimer(() => forgetOne(fingerprint), ttl) });
    },
    forget(fingerprint) {
      if (fingerprint !== undefined) forgetOne(fingerprint);
      else for (const key of [...entries.keys()]) forgetOne(key);
    },
    dispose() {
      this.forget();
    },
  };
}
