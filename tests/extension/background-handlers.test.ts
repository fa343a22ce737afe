import { describe, expect, it } from 'vitest';
import { createBackgroundHandlers } from '../../extension/lib/background-handlers';
import { createMemoryStore } from '../../extension/lib/coach-store';
import { createDispatcher, createSender, type BackgroundProtocol } from '../../extension/lib/messaging';
import { createVaultedStore } from '../../extension/lib/vaulted-store';
import type { VaultRecord } from '../../extension/lib/vault';

const OPTIONS_PAGE = 'chrome-extension://abc/options.html';

function setup() {
  const plain = createMemoryStore();
  let record: VaultRecord | undefined;
  const store = createVaultedStore(plain, { get: async () => record, put: async (r) => void (record = r), delete: async () => void (record = undefined) }, { autoLockMs: async () => 60_000 });
  let broadcasts = 0;
  const handlers = createBackgroundHandlers({ store, broadcastSettingsChanged: async () => void broadcasts++, isExtensionPage: (s) => s.url === OPTIONS_PAGE });
  const dispatch = createDispatcher(handlers);
  const from = (tabId?: number) => createSender<BackgroundProtocol>(async (m) => dispatch(m, tabId === undefined ? {} : ({ tab: { id: tabId }, url: 'https://site.example/' } as never)));
  const fromOptions = createSender<BackgroundProtocol>(async (m) => dispatch(m, { url: OPTIONS_PAGE } as never));
  return { store: plain, from, fromOptions, dispatch, broadcasts: () => broadcasts };
}

describe('background handlers', () => {
  it('switches a site off and tells every tab', async () => {
    const { from, broadcasts } = setup();
    expect((await from()('get-page-settings', { host: 'chat.example' })).enabled).toBe(true);
    await from()('set-site-enabled', { host: 'chat.example', enabled: false });
    expect((await from()('get-page-settings', { host: 'chat.example' })).enabled).toBe(false);
    expect(broadcasts()).toBe(1);
  });

  it('keeps an ignored finding once per wording and category', async () => {
    const { from, store } = setup();
    await from()('add-ignored', { category: 'wellbeing', text: 'She is anxious' });
    await from()('add-ignored', { category: 'wellbeing', text: 'she is  anxious' });
    expect(await store.list('ignored')).toHaveLength(1);
    expect((await from()('get-page-settings', { host: 'x' })).ignored).toEqual([{ category: 'wellbeing', text: 'she is  anxious' }]);
  });

  it('stores consent the coach marks from a card', async () => {
    const { from } = setup();
    await from()('add-consent', { coachee: 'Priya Shah', wording: 'Priya is working on delegation.' });
    expect((await from()('get-page-settings', { host: 'x' })).consent).toEqual([{ coachee: 'Priya Shah', wording: 'Priya is working on delegation.' }]);
  });

  it('remembers the focused field’s count per tab, in memory only', async () => {
    const { from } = setup();
    expect(await from()('get-tab-state', { tabId: 7 })).toEqual({ findings: null });
    await from(7)('report-field-state', { findings: 3 });
    await from(8)('report-field-state', { findings: 0 });
    expect(await from()('get-tab-state', { tabId: 7 })).toEqual({ findings: 3 });
    expect(await from()('get-tab-state', { tabId: 8 })).toEqual({ findings: 0 });
  });

  it('lets only extension pages read or change the coach’s data', async () => {
    const { from, fromOptions } = setup();
    await fromOptions('put-item', { collection: 'coachees', item: { id: 'c', name: 'Priya Shah', aliases: [] } });
    expect((await fromOptions('get-data', {})).data.coachees).toHaveLength(1);
    await expect(from(3)('get-data', {})).rejects.toThrow(/only Coach Guard's own pages/);
    await expect(from(3)('put-item', { collection: 'coachees', item: { id: 'x', name: 'Mallory', aliases: [] } })).rejects.toThrow();
    await expect(from(3)('vault', { action: 'disable' })).rejects.toThrow();
  });

  it('while locked, pages get no names or consent but still every category', async () => {
    const { from, fromOptions } = setup();
    await fromOptions('put-item', { collection: 'coachees', item: { id: 'c', name: 'Priya Shah', aliases: [], email: 'priya@example.org' } });
    await fromOptions('put-item', { collection: 'consent', item: { id: 'k', coachee: 'Priya Shah', wording: 'Priya set three goals.' } });
    expect(await fromOptions('vault', { action: 'enable', passphrase: 'correct horse battery' })).toEqual({ vault: 'unlocked' });
    expect((await from()('get-page-settings', { host: 'x' })).roster.people).toHaveLength(1);
    await fromOptions('vault', { action: 'lock' });
    const locked = await from()('get-page-settings', { host: 'x' });
    expect(locked.roster.people).toEqual([]);
    expect(locked.consent).toEqual([]);
    expect(locked.categories).toHaveLength(8);
    await expect(from()('add-consent', { coachee: 'Priya Shah', wording: 'x' })).rejects.toThrow(/locked/);
    await fromOptions('vault', { action: 'unlock', passphrase: 'correct horse battery' });
    expect((await from()('get-page-settings', { host: 'x' })).consent).toHaveLength(1);
  }, 30_000);

  it('leaves messages it does not know to other listeners', () => {
    const { dispatch } = setup();
    expect(dispatch({ type: 'something-else', payload: {} }, {})).toBeUndefined();
    expect(dispatch('not a message', {})).toBeUndefined();
    expect(dispatch({ type: 'toString', payload: {} }, {})).toBeUndefined();
  });
});
