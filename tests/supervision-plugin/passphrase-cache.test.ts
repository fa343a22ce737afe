import { describe, expect, it } from 'vitest';
import { createPassphraseCache } from '../../supervision-plugin/src/passphrase-cache';

function fakeClock() {
  let now = 0;
  const timers: { at: number; fn: () => void; cleared: boolean }[] = [];
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      const timer = { at: now + ms, fn, cleared: false };
      timers.push(timer);
      return { clear: () => (timer.cleared = true) };
    },
    advance(ms: number) {
      now += ms;
      for (const t of timers) {
        if (t.cleared || t.at > now) continue;
        t.cleared = true;
        t.fn();
      }
    },
    pending: () => timers.filter((t) => !t.cleared).length,
  };
}

describe('passphrase cache', () => {
  it('holds a passphrase for the configured time, then wipes it by timer', () => {
    const clock = fakeClock();
    const cache = createPassphraseCache({ ttlMs: () => 10 * 60_000, now: clock.now, setTimer: clock.setTimer });
    cache.remember('FP1', 'correct horse');
    clock.advance(9 * 60_000);
    expect(cache.get('FP1')).toBe('correct horse');
    clock.advance(60_000);
    expect(cache.get('FP1')).toBeUndefined();
    expect(clock.pending()).toBe(0);
  });

  it('keeps nothing when the time is 0, and reads the time at each remember', () => {
    const clock = fakeClock();
    let minutes = 0;
    const cache = createPassphraseCache({ ttlMs: () => minutes * 60_000, now: clock.now, setTimer: clock.setTimer });
    cache.remember('FP1', 'secret one');
    expect(cache.get('FP1')).toBeUndefined();
    minutes = 1;
    cache.remember('FP1', 'secret one');
    expect(cache.get('FP1')).toBe('secret one');
  });

  it('forgets one key or all, and cancels their timers', () => {
    const clock = fakeClock();
    const cache = createPassphraseCache({ ttlMs: () => 60_000, now: clock.now, setTimer: clock.setTimer });
    cache.remember('FP1', 'a');
    cache.remember('FP2', 'b');
    cache.forget('FP1');
    expect(cache.get('FP1')).toBeUndefined();
    expect(cache.get('FP2')).toBe('b');
    cache.dispose();
    expect(cache.get('FP2')).toBeUndefined();
    expect(clock.pending()).toBe(0);
  });
});
